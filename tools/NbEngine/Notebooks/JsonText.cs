// Reading nbformat's "multiline strings" (a string or an array of lines) and positions inside a JSON file.
using System.Text.Json;

namespace NbEngine.Notebooks;

internal static class JsonText
{
    /// <summary>A string, an array of strings joined, or the raw JSON of anything else (e.g. application/json data).</summary>
    public static string MultilineOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            string.Concat(value.EnumerateArray().Select(e => e.GetString())),
        _ => value.GetRawText(),
    };

    /// <summary>nbformat's way to store text: lines keeping their <c>\n</c>, the last one without.</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }

    /// <summary>The spaces and tabs that start the line holding <paramref name="offset"/>.</summary>
    public static string IndentOfLineAt(byte[] bytes, int offset)
    {
        var lineStart = offset;
        while (lineStart > 0 && bytes[lineStart - 1] != '\n')
        {
            lineStart--;
        }
        var end = lineStart;
        while (end < bytes.Length && bytes[end] is (byte)' ' or (byte)'\t')
        {
            end++;
        }
        return System.Text.Encoding.ASCII.GetString(bytes, lineStart, end - lineStart);
    }
}
