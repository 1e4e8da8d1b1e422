// Writes new outputs and execution counts into a notebook's bytes, leaving every other byte as it was.
using System.Text;

namespace NbEngine.Notebooks;

/// <summary>The new outputs of one code cell and the execution count to store with them.</summary>
public sealed record CellUpdate(int CellIndex, IReadOnlyList<CellOutput> Outputs, int? ExecutionCount);

/// <summary>Splices outputs into the original file text (<see cref="Files.AtomicFile"/> writes the result).</summary>
public static class NotebookWriter
{
    /// <summary>The notebook's bytes with each updated cell's <c>outputs</c> and <c>execution_count</c> replaced.</summary>
    public static byte[] WithOutputs(Notebook notebook, IEnumerable<CellUpdate> updates)
    {
        var newline = notebook.Bytes.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        var replacements = new List<(JsonSpan Span, string Text)>();
        foreach (var update in updates)
        {
            var cell = notebook.Cells[update.CellIndex];
            if (cell.OutputsSpan is not { } outputs || cell.ExecutionCountSpan is not { } count)
            {
                throw new InvalidOperationException(
                    $"{notebook.Name}, cell {cell.Number}: expected a code cell with \"outputs\" and \"execution_count\" to update");
            }
            var outputList = update.Outputs.Select(o => (object?)OutputJson.Of(o)).ToList();
            replacements.Add((outputs, JsonLayout.Write(outputList, outputs.LineIndent, notebook.IndentUnit, newline)));
            replacements.Add((count, JsonLayout.Write(update.ExecutionCount, count.LineIndent, notebook.IndentUnit, newline)));
        }
        var result = new MemoryStream(notebook.Bytes.Length + 1024);
        var position = 0;
        foreach (var (span, text) in replacements.OrderBy(r => r.Span.Start))
        {
            result.Write(notebook.Bytes, position, span.Start - position);
            result.Write(Encoding.UTF8.GetBytes(text));
            position = span.Start + span.Length;
        }
        result.Write(notebook.Bytes, position, notebook.Bytes.Length - position);
        return result.ToArray();
    }
}
