// A -j worker ends with the runner that started it: it watches the pipe its parent holds open on its stdin.
namespace NbRunner;

/// <summary>
/// The parent never writes to a worker's stdin and never closes it; the system closes it when the parent dies,
/// however it dies (even <c>kill -9</c>), so end-of-file means "the run was stopped". The worker then exits at once,
/// before it writes any notebook, and never finishes work the user stopped.
/// </summary>
internal static class ParentPipe
{
    /// <summary>Exit code of a worker whose parent is gone (no one reads it; it tells a stopped worker in a trace).</summary>
    public const int ParentGone = 129;

    public static void ExitWhenClosed()
    {
        var thread = new Thread(() =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[64];
            while (stdin.Read(buffer) > 0)
            {
            }
            Environment.Exit(ParentGone);
        })
        {
            IsBackground = true,
            Name = "parent pipe",
        };
        thread.Start();
    }
}
