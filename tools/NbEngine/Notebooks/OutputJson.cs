// Turns cell outputs into the nbformat JSON objects VS Code saves (keys sorted, text as arrays of lines).
namespace NbEngine.Notebooks;

internal static class OutputJson
{
    private static readonly IReadOnlyList<KeyValuePair<string, object?>> EmptyObject = [];

    /// <summary>
    /// The nbformat object of one output. A trailing value is written as <c>display_data</c>, as VS Code saves it.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Of(CellOutput output) => output switch
    {
        StreamOutput s =>
        [
            new("name", s.Name),
            new("output_type", "stream"),
            new("text", Lines(s.Text)),
        ],
        DisplayOutput d =>
        [
            new("data", d.Data.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new KeyValuePair<string, object?>(p.Key, Lines(p.Value))).ToList()),
            new("metadata", EmptyObject),
            new("output_type", "display_data"),
        ],
        ErrorOutput e =>
        [
            new("ename", e.EName),
            new("evalue", e.EValue),
            new("output_type", "error"),
            new("traceback", e.Traceback.Cast<object?>().ToList()),
        ],
        _ => throw new ArgumentException($"expected a stream, display or error output, got {output.GetType().Name}", nameof(output)),
    };

    private static IReadOnlyList<object?> Lines(string text) => JsonText.SplitLines(text).Cast<object?>().ToList();
}
