// Gathers a cell's outputs as nbformat stores them (consecutive stream writes merged and capped, updated displays replaced) and forwards each as it happens.
using NbEngine.Notebooks;

namespace NbEngine.Execution;

/// <summary>
/// Consecutive writes to one stream become one output, built in linear time and capped (<see cref="CappedStream"/>);
/// the live callback sees what is stored: the head of a stream run as it is written, the elision marker and the tail
/// when the run ends (another output comes, or the cell finishes). A <see cref="DisplayUpdate"/> replaces the display
/// with its id in place. An update of a display this cell does not hold (one shown by an earlier cell) changes nothing
/// here, as in Polyglot, which updates only the running cell's outputs; live front-ends still receive it.
/// </summary>
internal sealed class OutputCollector(Action<CellOutput>? live)
{
    private readonly List<object> _outputs = [];   // CellOutput, or CappedStream for a stream run
    private readonly object _gate = new();
    private CappedStream? _open;

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            switch (output)
            {
                case StreamOutput stream:
                    if (_open?.Name != stream.Name)
                    {
                        EndStreamRun();
                        _open = new CappedStream(stream.Name);
                        _outputs.Add(_open);
                    }
                    var shown = _open.Append(stream.Text);
                    if (shown.Length > 0)
                    {
                        live?.Invoke(shown.Length == stream.Text.Length ? stream : new StreamOutput(stream.Name, shown));
                    }
                    break;
                case DisplayUpdate update:
                    var index = _outputs.FindIndex(o => o is DisplayOutput d && d.DisplayId == update.Display.DisplayId);
                    if (index >= 0)
                    {
                        _outputs[index] = update.Display;
                    }
                    live?.Invoke(update);
                    break;
                default:
                    EndStreamRun();
                    _outputs.Add(output);
                    live?.Invoke(output);
                    break;
            }
        }
    }

    /// <summary>The outputs so far, the open stream run ended (what a task the cell left running writes later starts a new one).</summary>
    public IReadOnlyList<CellOutput> Finish()
    {
        lock (_gate)
        {
            EndStreamRun();
            return [.. _outputs.Select(o => o is CappedStream s ? new StreamOutput(s.Name, s.Text) : (CellOutput)o)];
        }
    }

    private void EndStreamRun()
    {
        if (_open is { } open && open.Finish() is { Length: > 0 } heldBack)
        {
            live?.Invoke(new StreamOutput(open.Name, heldBack));
        }
        _open = null;
    }
}
