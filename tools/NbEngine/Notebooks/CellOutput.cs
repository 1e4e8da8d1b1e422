// The outputs a code cell produces or stores, in nbformat's three kinds (stream, display data, error), and live display updates.
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
/// A value shown through its MIME representations (MIME type → payload text), in the form Polyglot stores it.
/// <paramref name="IsResult"/> marks the cell's trailing value (nbformat's <c>execute_result</c>); VS Code stores it
/// as <c>display_data</c>, so comparisons treat both the same.
/// </summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult = false) : CellOutput
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>
    /// The id of an output of <c>display(…)</c>, which its handle's <c>Update</c> replaces; a Jupyter front-end
    /// receives it as <c>transient.display_id</c>. Like nbformat, notebooks never store it.
    /// </summary>
    public string? DisplayId { get; init; }

    /// <summary>
    /// What a live front-end shows beside <see cref="Data"/>, or instead of its payload of the same MIME type: the
    /// plain text consoles print, a chart's Plotly figure and its offline HTML. Never stored: notebooks keep
    /// Polyglot's form.
    /// </summary>
    public IReadOnlyDictionary<string, string> LiveData { get; init; } = None;

    /// <summary><see cref="Data"/> overlaid with <see cref="LiveData"/>: the bundle a Jupyter front-end receives.</summary>
    public IReadOnlyDictionary<string, string> Bundle =>
        LiveData.Count == 0 ? Data : Data.Where(p => !LiveData.ContainsKey(p.Key)).Concat(LiveData).ToDictionary();

    public static DisplayOutput Single(string mimeType, string payload, bool isResult = false) =>
        new(new Dictionary<string, string> { [mimeType] = payload }, isResult);
}

/// <summary>
/// A new value for the output of <c>display(…)</c> whose <see cref="DisplayOutput.DisplayId"/> it carries. Not an
/// output of its own: it replaces that display in place in the cell's outputs (so a notebook stores the last
/// value, as VS Code does with Polyglot's updates), and a Jupyter front-end gets it as <c>update_display_data</c>.
/// </summary>
public sealed record DisplayUpdate(DisplayOutput Display) : CellOutput;

/// <summary>An exception or compile error; Polyglot stores <c>ename</c> "Error" and the details in <c>evalue</c>.</summary>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput
{
    public static ErrorOutput FromText(string evalue) => new("Error", evalue, []);
}
