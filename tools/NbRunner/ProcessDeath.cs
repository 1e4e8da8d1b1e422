// Says how a worker process ended when it died in the middle of a notebook: exit code or signal, and what it printed.
namespace NbRunner;

internal static class ProcessDeath
{
    private const int MaxLines = 8;
    private const int MaxLineLength = 300;

    /// <summary>E.g. "killed by signal 9 (SIGKILL, as the out-of-memory killer does)" plus the first lines of stderr.</summary>
    public static string Describe(int exitCode, string stderr)
    {
        var how = !OperatingSystem.IsWindows() && exitCode > 128 && exitCode < 160 ? Signal(exitCode - 128) : $"exited with code {exitCode}";
        var lines = stderr.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var shown = lines.Take(MaxLines).Select(l => l.Length > MaxLineLength ? l[..MaxLineLength] + "…" : l);
        var said = lines.Count == 0 ? "" : "; it printed:\n" + string.Join('\n', shown) + (lines.Count > MaxLines ? $"\n… ({lines.Count - MaxLines} more lines)" : "");
        return how + said;
    }

    private static string Signal(int number) => number switch
    {
        6 => "aborted by signal 6 (SIGABRT, as Environment.FailFast and a stack overflow do)",
        9 => "killed by signal 9 (SIGKILL, as the out-of-memory killer does)",
        11 => "killed by signal 11 (SIGSEGV)",
        15 => "killed by signal 15 (SIGTERM)",
        _ => $"killed by signal {number}",
    };
}
