// The global generator is shared: tests that seed it and draw from it take this lock so parallel tests cannot interleave.
namespace Recurrent.Tests;

internal static class SeedLock
{
    public static readonly object Gate = new();
}
