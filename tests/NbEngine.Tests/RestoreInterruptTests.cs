// Interrupting a cell while `#r "nuget:"` restores: the `dotnet restore` it started ends with it.
using System.Diagnostics;
using NbEngine.Execution;
using NbEngine.Packages;

namespace NbEngine.Tests;

public sealed class RestoreInterruptTests
{
    [Fact]
    public async Task Execute_WhenInterruptedDuringARestore_EndsTheRestoreProcessAndItsChildren()
    {
        var cache = Directory.CreateTempSubdirectory("nbengine-restore-").FullName;   // a cold cache: this set must be restored
        using var session = new NotebookSession(new SessionOptions { WorkingDirectory = AppContext.BaseDirectory, Packages = new PackageRestorer(cache) });
        using var interrupt = new CancellationTokenSource();

        var cell = session.ExecuteAsync("#r \"nuget: Newtonsoft.Json, 13.0.3\"", cancellationToken: interrupt.Token);
        var restoring = Polling.Until(() => RunningIn(cache).Count > 0, TimeSpan.FromMinutes(2));
        await interrupt.CancelAsync();
        var result = await cell;
        var ended = Polling.Until(() => RunningIn(cache).Count == 0, TimeSpan.FromSeconds(10));
        var leftover = RunningIn(cache);
        foreach (var pid in leftover)
        {
            Process.GetProcessById(pid).Kill(entireProcessTree: true);
        }

        Assert.True(restoring, "expected `dotnet restore` to start in the cache folder");
        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.True(ended, $"expected no process left in {cache}, found {string.Join(", ", leftover)} (now killed)");
    }

    /// <summary>Processes whose current directory is inside <paramref name="folder"/> (Linux /proc): the restore and MSBuild under it.</summary>
    private static List<int> RunningIn(string folder) =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CurrentDirectory(pid)?.StartsWith(folder, StringComparison.Ordinal) == true)];

    private static string? CurrentDirectory(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
