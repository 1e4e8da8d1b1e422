// Reads an nbformat 4 file into a Notebook, reporting malformed files with their line and column.
using System.Text.Json;

namespace NbEngine.Notebooks;

/// <summary>Parses notebooks. Any problem becomes a <see cref="NotebookFormatException"/> naming file, line and column.</summary>
public static class NotebookReader
{
    public static Notebook Read(string path) => Parse(path, File.ReadAllBytes(path));

    public static Notebook Parse(string path, byte[] bytes)
    {
        var bodyStart = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(bodyStart));
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                $"not valid JSON: {FirstSentence(e.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new NotebookFormatException(path, 1, 1, $"expected a JSON object at the top, got {root.ValueKind}");
            }
            if (!root.TryGetProperty("nbformat", out var format) || format.ValueKind != JsonValueKind.Number || format.GetInt32() != 4)
            {
                var given = root.TryGetProperty("nbformat", out var f) ? f.GetRawText() : "no nbformat field";
                throw new NotebookFormatException(path, 1, 1, $"expected nbformat 4, got {given}");
            }
            if (!root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            {
                throw new NotebookFormatException(path, 1, 1, "expected a \"cells\" array");
            }
            var spans = CellSpans.Find(bytes, bodyStart);
            var defaultLanguage = CellLanguage.NotebookDefault(root.TryGetProperty("metadata", out var m) ? m : null);
            var parsed = cells.EnumerateArray()
                .Select((cell, i) => CellReader.Read(path, bytes, cell, i, spans[i], defaultLanguage))
                .ToList();
            return new Notebook(path, bytes, parsed, IndentUnitOf(bytes, bodyStart));
        }
    }

    /// <summary>The indentation of the first property line, i.e. one level ("" for a one-line file).</summary>
    private static string IndentUnitOf(byte[] bytes, int bodyStart)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n', bodyStart);
        return newline < 0 ? "" : JsonText.IndentOfLineAt(bytes, newline + 1);
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
}
