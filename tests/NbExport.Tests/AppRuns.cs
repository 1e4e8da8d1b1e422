// Each committed app run once per test session, shared by the tests that read its output.
using System.Collections.Concurrent;

namespace NbExport.Tests;

/// <summary>
/// Runs the apps one after another (each `dotnet run` restores and builds first, which takes both cores) and
/// keeps the results, so every test about an app's output reuses one run.
/// </summary>
public sealed class AppRuns
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Lazy<Task<ProcessResult>>> _runs = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    internal Task<ProcessResult> Of(string appPath) => _runs.GetOrAdd(appPath, path => new Lazy<Task<ProcessResult>>(() => RunAsync(path))).Value;

    private async Task<ProcessResult> RunAsync(string appPath)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            return await DotnetRun.RunAsync(appPath, Limit);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
