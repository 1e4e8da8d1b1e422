// Runs the notebooks in worker processes, so a cell that ends, hangs or floods its process fails only its own notebook.
using System.Diagnostics;
using System.Globalization;

namespace NbRunner;

/// <summary>
/// Notebooks never run in the runner's own process: the current directory, console and loaded assemblies are
/// process-wide, and a cell may end its process (Environment.Exit, FailFast, a stack overflow, the out-of-memory
/// killer) or leave foreground threads behind. <c>-j N</c> starts N workers (at least one), each running its share
/// one by one (balanced by file size), passing its progress lines through and logging its steps
/// (<see cref="WorkerLog"/>). When a worker dies, the notebook it was in fails, naming the cell and how the process
/// ended; the notebooks it had finished keep their reports, and a new worker runs the ones it had not started.
/// </summary>
internal static class WorkerPool
{
    /// <summary>How long a dead worker's output may still take to arrive (a cell's child process may hold the pipe open for ever).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<NotebookReport>> RunAsync(
        NotebookMode mode, IReadOnlyList<string> files, NotebookOptions options, TextWriter output)
    {
        var shares = Partition(files, Math.Min(options.Jobs, files.Count));
        var results = await Task.WhenAll(shares.Select(share => RunShareAsync(mode, share, options, output)));
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
        // Balanced by size, but each worker runs its share in the order given, as a single run would.
        var order = files.Select((file, index) => (file, index)).ToDictionary(p => p.file, p => p.index);
        return shares.Select(s => s.Files.OrderBy(f => order[f]).ToList()).Where(f => f.Count > 0).ToList();
    }

    /// <summary>Runs a share to its end, starting a new worker after each one that dies.</summary>
    private static async Task<IReadOnlyList<NotebookReport>> RunShareAsync(
        NotebookMode mode, List<string> share, NotebookOptions options, TextWriter output)
    {
        var reports = new List<NotebookReport>();
        var remaining = share;
        while (remaining.Count > 0)
        {
            var (finished, died) = await RunWorkerAsync(mode, remaining, options, output);
            reports.AddRange(finished);
            if (died is not null)
            {
                reports.Add(died);
                Print(output, ReportPrinter.Progress(died));
            }
            var done = reports.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            remaining = remaining.Where(f => !done.Contains(f)).ToList();
            if (finished.Count == 0 && died is null && remaining.Count > 0)
            {
                // The worker ended before starting anything: it will not do better a second time.
                reports.AddRange(remaining.Select(f => Failed(f, "the worker process ended before running it")));
                break;
            }
        }
        return reports;
    }

    /// <summary>One worker on <paramref name="files"/>: the reports of the notebooks it finished, and the one it died in, if any.</summary>
    private static async Task<(IReadOnlyList<NotebookReport> Finished, NotebookReport? Died)> RunWorkerAsync(
        NotebookMode mode, List<string> files, NotebookOptions options, TextWriter output)
    {
        var logFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(DotnetHost(), WorkerArguments(mode, files, options, logFile))
            {
                RedirectStandardInput = true,   // never written: the worker exits when it closes (ParentPipe)
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var worker = Process.Start(start)!;
            var errors = worker.StandardError.ReadToEndAsync();
            var progress = PassThroughAsync(worker.StandardOutput, output);
            await worker.WaitForExitAsync();
            await Task.WhenAny(Task.WhenAll(progress, errors), Task.Delay(OutputGrace));
            var steps = WorkerLog.Read(logFile);
            var finished = steps.Where(s => s.Report is not null).Select(s => s.Report!).ToList();
            var last = steps.LastOrDefault();
            var died = last is { Report: null }
                ? Failed(last.Notebook, DiedIn(last) + ProcessDeath.Describe(worker.ExitCode, errors.IsCompleted ? errors.Result : ""))
                : null;
            return (finished, died);
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    private static async Task PassThroughAsync(StreamReader progress, TextWriter output)
    {
        while (await progress.ReadLineAsync() is { } line)
        {
            Print(output, line);
        }
    }

    private static void Print(TextWriter output, string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static string DiedIn(WorkerEvent last) => last.Cell is { } cell
        ? $"cell {cell} ({last.FirstLine}) ended the process running the notebook, so the cells after it did not run: the process "
        : "the process running the notebook ended before its first cell: it ";

    private static NotebookReport Failed(string file, string failure) => new(file, Path.GetFileName(file), 0, [], null, failure);

    private static IEnumerable<string> WorkerArguments(NotebookMode mode, List<string> files, NotebookOptions options, string logFile) =>
    [
        "exec", typeof(WorkerPool).Assembly.Location, mode.ToString().ToLowerInvariant(), .. files,
        "--timeout", options.Timeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        "--rtol", options.Tolerance.Relative.ToString("R", CultureInfo.InvariantCulture),
        "--atol", options.Tolerance.Absolute.ToString("R", CultureInfo.InvariantCulture),
        "--worker", logFile,
    ];

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
