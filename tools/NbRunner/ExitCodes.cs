// The process exit codes scripts outside the repository rely on.
namespace NbRunner;

internal static class ExitCodes
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
