// What a worker process has done so far, appended line by line to a file its parent reads once the worker has ended.
using System.Text.Json;

namespace NbRunner;

/// <summary>One line of the log: a notebook started, a cell of it started, or a notebook finished with its report.</summary>
internal sealed record WorkerEvent(string Notebook, int? Cell = null, string? FirstLine = null, NotebookReport? Report = null);

/// <summary>
/// A cell may end its process at any moment (Environment.Exit, FailFast, a stack overflow, the out-of-memory killer),
/// so the worker writes each step before taking it: the parent then knows which notebooks finished (their reports),
/// which one died and in which cell, and which never started. The file is the worker's alone (cells' child
/// processes share its stdout, never this file), and each line is flushed to the system as it is written.
/// </summary>
internal sealed class WorkerLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));

    public void Add(WorkerEvent step)
    {
        lock (_writer)
        {
            _writer.WriteLine(JsonSerializer.Serialize(step, NotebookCommand.ReportJson));
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The steps a (possibly dead) worker logged; a last line cut off by its death is left out.</summary>
    public static IReadOnlyList<WorkerEvent> Read(string path)
    {
        var steps = new List<WorkerEvent>();
        foreach (var line in File.Exists(path) ? File.ReadAllLines(path) : [])
        {
            try
            {
                steps.Add(JsonSerializer.Deserialize<WorkerEvent>(line, NotebookCommand.ReportJson)!);
            }
            catch (JsonException)
            {
                break;
            }
        }
        return steps;
    }
}
