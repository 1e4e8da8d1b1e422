// Gathers a cell's outputs as nbformat stores them (consecutive stream writes merged, updated displays replaced) and forwards each as it happens.
using NbEngine.Notebooks;

namespace NbEngine.Execution;

/// <summary>
/// A <see cref="DisplayUpdate"/> replaces the display with its id in place. An update of a display this cell does not
/// hold (one shown by an earlier cell) changes nothing here, as in Polyglot, which updates only the running
/// cell's outputs; live front-ends still receive it.
/// </summary>
internal sealed class OutputCollector(Action<CellOutput>? live)
{
    private readonly List<CellOutput> _outputs = [];
    private readonly object _gate = new();

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            switch (output)
            {
                case StreamOutput stream when _outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream.Name:
                    _outputs[^1] = last with { Text = last.Text + stream.Text };
                    break;
                case DisplayUpdate update:
                    var shown = _outputs.FindIndex(o => o is DisplayOutput d && d.DisplayId == update.Display.DisplayId);
                    if (shown >= 0)
                    {
                        _outputs[shown] = update.Display;
                    }
                    break;
                default:
                    _outputs.Add(output);
                    break;
            }
            live?.Invoke(output);
        }
    }

    public IReadOnlyList<CellOutput> Snapshot()
    {
        lock (_gate)
        {
            return [.. _outputs];
        }
    }
}
