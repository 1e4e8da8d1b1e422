// verify / update / run: finds the notebooks, runs them in worker processes, prints and reports.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NbRunner;

internal static class NotebookCommand
{
    public static readonly JsonSerializerOptions ReportJson = new() { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(NotebookMode mode, string[] args, TextWriter output)
    {
        var options = NotebookOptions.Parse(args);
        var files = NotebookFinder.Find(options.Paths);
        if (options.WorkerLog is { } log)
        {
            ParentPipe.ExitWhenClosed();
            return await AsWorkerAsync(mode, files, options, log, output);
        }
        ReportPaths.EnsureNoneIsAnInput(options, files);
        var reports = await WorkerPool.RunAsync(mode, files, options, output);
        await output.WriteLineAsync(ReportPrinter.Tally(reports));
        var reportWritten = options.JUnit is not { } junit || await TryWriteJUnitAsync(junit, mode, reports, output);
        return reports.Any(r => r.Unreadable is not null) ? ExitCodes.Usage
            : reports.All(r => r.Passed) && reportWritten ? ExitCodes.Passed
            : ExitCodes.Failed;
    }

    /// <summary>A report that cannot be written fails the run (exit 1) with the reason; the notebooks' results stand.</summary>
    private static async Task<bool> TryWriteJUnitAsync(string path, NotebookMode mode, IReadOnlyList<NotebookReport> reports, TextWriter output)
    {
        try
        {
            JUnitWriter.Write(path, mode, reports);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"nbrunner: could not write the JUnit report to {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>A worker's part: its notebooks one by one in this process, each step logged for the parent before it is taken.</summary>
    private static async Task<int> AsWorkerAsync(NotebookMode mode, IReadOnlyList<string> files, NotebookOptions options, string logFile, TextWriter output)
    {
        using var log = new WorkerLog(logFile);
        foreach (var file in files)
        {
            log.Add(new WorkerEvent(file));
            var report = await NotebookJob.RunAsync(file, mode, options, cell => log.Add(new WorkerEvent(file, cell.Number, cell.FirstLine)));
            log.Add(new WorkerEvent(file, Report: report));
            await output.WriteLineAsync(ReportPrinter.Progress(report));
            await output.FlushAsync();
        }
        return ExitCodes.Passed;
    }
}
