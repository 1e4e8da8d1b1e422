// Gathers a cell's outputs as nbformat stores them (consecutive stream writes merged) and forwards each as it happens.
using NbEngine.Notebooks;

namespace NbEngine.Execution;

internal sealed class OutputCollector(Action<CellOutput>? live)
{
    private readonly List<CellOutput> _outputs = [];
    private readonly object _gate = new();

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            if (output is StreamOutput stream && _outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream.Name)
            {
                _outputs[^1] = last with { Text = last.Text + stream.Text };
            }
            else
            {
                _outputs.Add(output);
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
