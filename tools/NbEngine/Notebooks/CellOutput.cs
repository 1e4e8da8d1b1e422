// The outputs a code cell produces or stores, in nbformat's three kinds: stream, display data and error.
namespace NbEngine.Notebooks;

/// <summary>One output of a code cell.</summary>
public abstract record CellOutput;

/// <summary>Text written to <c>stdout</c> or <c>stderr</c>; consecutive writes to one stream merge into one output.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    public const string StandardOutput = "stdout";
    public const string StandardError = "stderr";
}

/// <summary>
/// A value shown through its MIME representations (MIME type → payload text). <paramref name="IsResult"/> marks
/// the cell's trailing value (nbformat's <c>execute_result</c>); VS Code stores it as <c>display_data</c>, so
/// comparisons treat both the same.
/// </summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult = false) : CellOutput
{
    public static DisplayOutput Single(string mimeType, string payload, bool isResult = false) =>
        new(new Dictionary<string, string> { [mimeType] = payload }, isResult);
}

/// <summary>An exception or compile error; Polyglot stores <c>ename</c> "Error" and the details in <c>evalue</c>.</summary>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput
{
    public static ErrorOutput FromText(string evalue) => new("Error", evalue, []);
}
