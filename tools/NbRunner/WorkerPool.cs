// Runs notebooks in parallel in worker processes, each with its own current directory, console and load contexts.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NbRunner;

/// <summary>
/// The current directory is process-wide and each notebook runs in its own folder, so <c>-j N</c> starts N
/// copies of this program, each running its share of the notebooks one by one (balanced by file size) and
/// handing back a JSON report; their progress lines are passed through as they come.
/// </summary>
internal static class WorkerPool
{
    public static async Task<IReadOnlyList<NotebookReport>> RunAsync(
        NotebookMode mode, IReadOnlyList<string> files, NotebookOptions options, TextWriter output)
    {
        var shares = Partition(files, Math.Min(options.Jobs, files.Count));
        var results = await Task.WhenAll(shares.Select(share => RunWorkerAsync(mode, share, options, output)));
        var byPath = results.SelectMany(r => r).ToDictionary(r => r.Path);
        return files.Select(f => byPath[f]).ToList();
    }

    private static List<List<string>> Partition(IReadOnlyList<string> files, int count)
    {
        var shares = Enumerable.Range(0, count).Select(_ => (Size: 0L, Files: new List<string>())).ToList();
        foreach (var file in files.OrderByDescending(f => new FileInfo(f).Length))
        {
            var lightest = shares.MinBy(s => s.Size);
            lightest.Files.Add(file);
            shares[shares.IndexOf(lightest)] = (lightest.Size + new FileInfo(file).Length, lightest.Files);
        }
        return shares.Select(s => s.Files).Where(f => f.Count > 0).ToList();
    }

    private static async Task<IReadOnlyList<NotebookReport>> RunWorkerAsync(
        NotebookMode mode, List<string> files, NotebookOptions options, TextWriter output)
    {
        var reportFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(DotnetHost(), WorkerArguments(mode, files, options, reportFile))
            {
                RedirectStandardInput = true,   // never written: the worker exits when it closes (ParentPipe)
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var worker = Process.Start(start)!;
            var errors = worker.StandardError.ReadToEndAsync();
            while (await worker.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.WriteLine(line);
                }
            }
            await worker.WaitForExitAsync();
            var stderr = await errors;
            var json = await File.ReadAllTextAsync(reportFile);
            return json.Length > 0
                ? JsonSerializer.Deserialize<List<NotebookReport>>(json, NotebookCommand.ReportJson)!
                : files.Select(f => Crashed(f, worker.ExitCode, stderr)).ToList();
        }
        finally
        {
            File.Delete(reportFile);
        }
    }

    private static IEnumerable<string> WorkerArguments(NotebookMode mode, List<string> files, NotebookOptions options, string reportFile) =>
    [
        "exec", typeof(WorkerPool).Assembly.Location, mode.ToString().ToLowerInvariant(), .. files,
        "--timeout", options.Timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        "--rtol", options.Tolerance.Relative.ToString("R", CultureInfo.InvariantCulture),
        "--atol", options.Tolerance.Absolute.ToString("R", CultureInfo.InvariantCulture),
        "--report", reportFile, "--worker",
    ];

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    private static NotebookReport Crashed(string file, int exitCode, string stderr) =>
        new(file, Path.GetFileName(file), 0,
            [new CellReport(0, "", NbEngine.Verification.CellOutcome.Failed, $"the worker process exited with code {exitCode}: {stderr.Trim()}", null, 0, null)],
            null);
}
