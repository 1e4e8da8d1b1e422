// Reads one element of a notebook's "cells" array, including its stored outputs.
using System.Text.Json;

namespace NbEngine.Notebooks;

internal static class CellReader
{
    public static NotebookCell Read(string path, byte[] bytes, JsonElement cell, int index, CellSpans.Spans spans, string defaultLanguage)
    {
        NotebookFormatException Problem(string what)
        {
            var (line, column) = TextPosition.Of<byte>(bytes, spans.Start, (byte)'\n');
            return new NotebookFormatException(path, line, column, $"cell {index + 1}: {what}");
        }

        if (cell.ValueKind != JsonValueKind.Object)
        {
            throw Problem($"expected an object, got {cell.ValueKind}");
        }
        var kind = (cell.TryGetProperty("cell_type", out var t) ? t.GetString() : null) switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            var other => throw Problem($"expected cell_type code, markdown or raw, got {other ?? "none"}"),
        };
        if (!cell.TryGetProperty("source", out var sourceElement) || sourceElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
        {
            throw Problem("expected a \"source\" string or array of lines");
        }
        var source = JsonText.MultilineOf(sourceElement);
        JsonElement? metadata = cell.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object ? md : null;
        var language = kind == CellKind.Code ? CellLanguage.Detect(source, metadata, defaultLanguage) : CellLanguage.Markdown;
        return new NotebookCell
        {
            Index = index,
            Kind = kind,
            Language = language,
            Source = source,
            Tags = TagsOf(metadata),
            StoredOutputs = cell.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Array
                ? outputs.EnumerateArray().Select(o => OutputOf(o, Problem)).ToList()
                : [],
            StoredExecutionCount = cell.TryGetProperty("execution_count", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null,
            OutputsSpan = spans.Outputs,
            ExecutionCountSpan = spans.ExecutionCount,
        };
    }

    private static IReadOnlyList<string> TagsOf(JsonElement? metadata) =>
        metadata is { } m && m.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static CellOutput OutputOf(JsonElement output, Func<string, NotebookFormatException> problem)
    {
        string Text(string name) => output.TryGetProperty(name, out var v) ? JsonText.MultilineOf(v) : "";

        var type = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("output_type", out var ot) ? ot.GetString() : null;
        return type switch
        {
            "stream" => new StreamOutput(Text("name"), Text("text")),
            "display_data" or "execute_result" => new DisplayOutput(
                output.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    ? data.EnumerateObject().ToDictionary(p => p.Name, p => JsonText.MultilineOf(p.Value))
                    : new Dictionary<string, string>(),
                IsResult: type == "execute_result"),
            "error" => new ErrorOutput(Text("ename"), Text("evalue"),
                output.TryGetProperty("traceback", out var tb) && tb.ValueKind == JsonValueKind.Array
                    ? tb.EnumerateArray().Select(JsonText.MultilineOf).ToList()
                    : []),
            _ => throw problem($"expected output_type stream, display_data, execute_result or error, got {type ?? "none"}"),
        };
    }
}
