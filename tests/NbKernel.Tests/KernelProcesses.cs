// Finds the processes a test's kernels left behind: those whose environment names the test's Jupyter runtime folder.
namespace NbKernel.Tests;

/// <summary>
/// A kernel and every process it starts (package restores) inherit the client's environment, so a marker
/// variable finds them all, wherever they were re-parented. Reads <c>/proc</c>: the client tests run on Linux.
/// </summary>
internal static class KernelProcesses
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>The ids of processes still running with <c>JUPYTER_RUNTIME_DIR=runtimeFolder</c>, after waiting a little for them to end.</summary>
    public static IReadOnlyList<int> StillRunning(string runtimeFolder, TimeSpan? patience = null)
    {
        var marker = $"JUPYTER_RUNTIME_DIR={runtimeFolder}\0";
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (true)
        {
            var found = Directory.GetDirectories("/proc")
                .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
                .Where(pid => pid > 0 && pid != System.Environment.ProcessId && EnvironmentOf(pid).Contains(marker, StringComparison.Ordinal))
                .ToList();
            if (found.Count == 0 || DateTime.UtcNow >= deadline)
            {
                return found;
            }
            Thread.Sleep(200);
        }
    }

    /// <summary>Whether the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    private static string EnvironmentOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
