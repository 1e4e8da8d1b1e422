// Finds, for each cell, where its "outputs" and "execution_count" values sit in the file's bytes.
using System.Text;
using System.Text.Json;

namespace NbEngine.Notebooks;

internal static class CellSpans
{
    public sealed record Spans(JsonSpan? Outputs, JsonSpan? ExecutionCount, int Start);

    /// <summary>One entry per element of the top-level <c>cells</c> array, in order.</summary>
    public static IReadOnlyList<Spans> Find(byte[] bytes, int bodyStart)
    {
        var result = new List<Spans>();
        var reader = new Utf8JsonReader(bytes.AsSpan(bodyStart));
        reader.Read();
        while (reader.Read() && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCells = reader.ValueTextEquals("cells");
            reader.Read();
            if (isCells && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    result.Add(CellAt(ref reader, bytes, bodyStart));
                }
            }
            else
            {
                reader.Skip();
            }
        }
        return result;
    }

    private static Spans CellAt(ref Utf8JsonReader reader, byte[] bytes, int bodyStart)
    {
        var start = bodyStart + (int)reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new Spans(null, null, start);
        }
        JsonSpan? outputs = null, count = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Encoding.UTF8.GetString(reader.ValueSpan);
            var indent = JsonText.IndentOfLineAt(bytes, bodyStart + (int)reader.TokenStartIndex);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            reader.Skip();
            var span = new JsonSpan(bodyStart + valueStart, (int)reader.BytesConsumed - valueStart, indent);
            if (name == "outputs")
            {
                outputs = span;
            }
            else if (name == "execution_count")
            {
                count = span;
            }
        }
        return new Spans(outputs, count, start);
    }
}
