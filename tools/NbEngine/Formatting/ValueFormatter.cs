// Formats values the way the Polyglot C# kernel does, through Microsoft.DotNet.Interactive.Formatting, plus the forms live front-ends add.
using Microsoft.DotNet.Interactive.Formatting;
using NbEngine.Notebooks;

namespace NbEngine.Formatting;

/// <summary>
/// The kernel's formatter set-up (default MIME type text/html, strings preferred as text/plain) and the one way
/// every front-end turns a value into a <see cref="DisplayOutput"/>. The Formatting package's state is
/// process-wide, so formatters registered by one notebook (Tensor, Plotly) are seen by all.
/// </summary>
public static class ValueFormatter
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";

    private static readonly Lazy<bool> Configured = new(() =>
    {
        Formatter.DefaultMimeType = Html;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainText);
        return true;
    });

    /// <summary>Applies the kernel's configuration once per process.</summary>
    public static void EnsureConfigured() => _ = Configured.Value;

    /// <summary>
    /// The value in the given MIME types, or in the ones the Formatting package prefers for its type (text/plain
    /// for strings, text/html otherwise unless a formatter says differently), with <see cref="DisplayOutput.LiveData"/>
    /// for live front-ends: the formatter's plain text beside HTML, and for a chart its figure.
    /// </summary>
    public static DisplayOutput Format(object? value, bool isResult = false, params string[] mimeTypes)
    {
        EnsureConfigured();
        var types = mimeTypes.Length > 0 ? mimeTypes : Formatter.GetPreferredMimeTypesFor(value?.GetType() ?? typeof(object)).ToArray();
        var data = types.Distinct().ToDictionary(m => m, m => value.ToDisplayString(m));
        return new DisplayOutput(data, isResult) { LiveData = LiveData(data, () => value.ToDisplayString(PlainText)) };
    }

    /// <summary>
    /// What a live front-end adds to <paramref name="data"/>: for a Plotly chart its figure, an HTML form that draws
    /// offline and a line of text; otherwise <paramref name="plainText"/> when the data has no text/plain.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LiveData(IReadOnlyDictionary<string, string> data, Func<string> plainText)
    {
        if (data.TryGetValue(Html, out var html) && PlotlyFigure.FromHtml(html) is { } figure)
        {
            return new Dictionary<string, string>
            {
                [PlotlyFigure.MimeType] = figure.Json,
                [Html] = figure.OfflineHtml(),
                [PlainText] = figure.PlainText(),
            };
        }
        return data.ContainsKey(PlainText) ? new Dictionary<string, string>() : new Dictionary<string, string> { [PlainText] = plainText() };
    }
}
