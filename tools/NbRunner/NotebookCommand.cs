// verify / update / run: finds the notebooks, runs them (here or in worker processes), prints and reports.
using System.Text.Json;
using System.Text.Json.Serialization;
using NbEngine.Files;

namespace NbRunner;

internal static class NotebookCommand
{
    public static readonly JsonSerializerOptions ReportJson = new() { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(NotebookMode mode, string[] args, TextWriter output)
    {
        var options = NotebookOptions.Parse(args);
        if (options.Worker)
        {
            ParentPipe.ExitWhenClosed();
        }
        var files = NotebookFinder.Find(options.Paths);
        ReportPaths.EnsureNoneIsAnInput(options, files);
        var reports = options.Jobs > 1 && files.Count > 1
            ? await WorkerPool.RunAsync(mode, files, options, output)
            : await InThisProcessAsync(mode, files, options, output);
        if (options.Report is { } reportFile)
        {
            AtomicFile.Write(reportFile, JsonSerializer.SerializeToUtf8Bytes(reports, ReportJson));
        }
        else
        {
            await output.WriteLineAsync(ReportPrinter.Tally(reports));
        }
        if (options.JUnit is { } junit)
        {
            JUnitWriter.Write(junit, mode, reports);
        }
        return reports.Any(r => r.Unreadable is not null) ? ExitCodes.Usage
            : reports.All(r => r.Passed) ? ExitCodes.Passed
            : ExitCodes.Failed;
    }

    private static async Task<IReadOnlyList<NotebookReport>> InThisProcessAsync(
        NotebookMode mode, IReadOnlyList<string> files, NotebookOptions options, TextWriter output)
    {
        var reports = new List<NotebookReport>();
        foreach (var file in files)
        {
            var report = await NotebookJob.RunAsync(file, mode, options);
            await output.WriteLineAsync(ReportPrinter.Progress(report));
            await output.FlushAsync();
            reports.Add(report);
        }
        return reports;
    }
}
