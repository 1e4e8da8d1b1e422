// Waits for a condition about other processes or files, for tests that cannot be told when it holds.
using System.Diagnostics;

namespace TestSupport;

internal static class Polling
{
    /// <summary>Checks <paramref name="condition"/> every 50 ms until it holds (true) or <paramref name="limit"/> passes (false).</summary>
    public static bool Until(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }
            Thread.Sleep(50);
        }
        return true;
    }
}
