// The runner as a user starts it: its own process (dotnet NbRunner.dll …), for tests about kills, exits and hangs.
using System.Diagnostics;

namespace NbRunner.Tests;

internal static class RunnerProcess
{
    /// <summary>Starts <c>dotnet NbRunner.dll arguments</c>; the caller reads, waits for or kills it.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "NbRunner.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("expected the runner to start, but Process.Start returned nothing");
    }

    /// <summary>Runs the runner to its end (killing its process tree after <paramref name="limit"/>), with what it printed.</summary>
    public static ProcessResult Run(TimeSpan limit, params string[] arguments) =>
        ChildProcess.Run("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "NbRunner.dll"), .. arguments],
            new Dictionary<string, string>(), AppContext.BaseDirectory, limit);

    /// <summary>Ids of running processes whose command line mentions <paramref name="text"/> (Linux /proc).</summary>
    public static IReadOnlyList<int> Mentioning(string text) =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && CommandLine(pid).Contains(text, StringComparison.Ordinal))];

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
