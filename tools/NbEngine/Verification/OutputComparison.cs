// Compares a cell's stored outputs with new ones: kinds in order, stream text, each MIME payload, error heads.
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbEngine.Verification;

/// <summary>
/// Outputs match when they have the same kinds in the same order (execute_result and display_data count as one
/// kind; consecutive stream outputs of one stream are merged first), the same stream names and MIME types, and
/// texts that <see cref="TextComparison"/> accepts after <see cref="Sanitizers"/>. Errors compare their name and
/// the message part of <c>evalue</c> (up to the stack trace, which names machine-specific frames).
/// <para>
/// Outputs a Jupyter front-end saved from this project's kernel match Polyglot's form of the same cell: the
/// kernel's plotly.js loader is not an output of the cell and is left out, and what the kernel adds to a bundle
/// is ignored where only one side has it: <c>text/plain</c> beside <c>text/html</c> (the console's form) and a
/// chart's <c>application/vnd.plotly.v1+json</c>. A chart whose bundle carries that figure draws it with offline
/// HTML where Polyglot loads plotly.js from a CDN, so its <c>text/html</c> compares by the figure it draws (data,
/// layout and config, numbers within the tolerance).
/// </para>
/// </summary>
public static class OutputComparison
{
    /// <summary>Null when the outputs match; otherwise the first difference, e.g. "stored -0.0819, got -0.0820".</summary>
    public static string? FirstDifference(
        IReadOnlyList<CellOutput> stored, IReadOnlyList<CellOutput> actual, Tolerance tolerance, Sanitizers sanitizers)
    {
        var before = Merged(stored);
        var after = Merged(actual);
        if (before.Count != after.Count || before.Zip(after).Any(p => Kind(p.First) != Kind(p.Second)))
        {
            return $"stored {Describe(before)}, got {Describe(after)}";
        }
        return before.Zip(after).Select(p => Difference(p.First, p.Second, tolerance, sanitizers)).FirstOrDefault(d => d is not null);
    }

    private static string? Difference(CellOutput stored, CellOutput actual, Tolerance tolerance, Sanitizers sanitizers)
    {
        string? Text(string s, string a) => TextComparison.FirstDifference(sanitizers.Apply(s), sanitizers.Apply(a), tolerance);

        switch (stored, actual)
        {
            case (StreamOutput s, StreamOutput a):
                return s.Name != a.Name ? $"stored a {s.Name} stream, got {a.Name}" : Text(s.Text, a.Text);
            case (DisplayOutput s, DisplayOutput a):
                var (storedData, actualData) = (Compared(s.Data, a.Data), Compared(a.Data, s.Data));
                var storedTypes = string.Join(", ", storedData.Keys.Order(StringComparer.Ordinal));
                var actualTypes = string.Join(", ", actualData.Keys.Order(StringComparer.Ordinal));
                var byFigure = s.Data.ContainsKey(PlotlyFigure.MimeType) || a.Data.ContainsKey(PlotlyFigure.MimeType);
                return storedTypes != actualTypes
                    ? $"stored MIME types {storedTypes}, got {actualTypes}"
                    : storedData.Keys.Select(m => byFigure && m == ValueFormatter.Html && PlotlyFigure.FromHtml(storedData[m]) is { } storedFigure
                            && PlotlyFigure.FromHtml(actualData[m]) is { } actualFigure
                            ? Text(storedFigure.Lines, actualFigure.Lines)
                            : Text(storedData[m], actualData[m]))
                        .FirstOrDefault(d => d is not null);
            case (ErrorOutput s, ErrorOutput a):
                return Text($"{s.EName}: {Head(s.EValue)}", $"{a.EName}: {Head(a.EValue)}");
            default:
                return $"stored {Kind(stored)}, got {Kind(actual)}";
        }
    }

    /// <summary><paramref name="data"/> without the kernel's additions that <paramref name="other"/> lacks.</summary>
    private static Dictionary<string, string> Compared(IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string> other) =>
        data.Where(p => other.ContainsKey(p.Key) || !(p.Key == PlotlyFigure.MimeType || (p.Key == ValueFormatter.PlainText && data.ContainsKey(ValueFormatter.Html))))
            .ToDictionary();

    /// <summary>The exception type and message, without the "   at …" stack lines.</summary>
    private static string Head(string evalue) =>
        string.Join('\n', evalue.ReplaceLineEndings("\n").Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)));

    private static List<CellOutput> Merged(IReadOnlyList<CellOutput> outputs)
    {
        var merged = new List<CellOutput>();
        foreach (var output in outputs.Where(o => !PlotlyScript.IsLoader(o)))
        {
            if (output is StreamOutput s && merged.Count > 0 && merged[^1] is StreamOutput last && last.Name == s.Name)
            {
                merged[^1] = last with { Text = last.Text + s.Text };
            }
            else
            {
                merged.Add(output);
            }
        }
        return merged;
    }

    private static string Kind(CellOutput output) => output switch
    {
        StreamOutput s => s.Name,
        DisplayOutput => "display_data",
        ErrorOutput => "error",
        _ => output.GetType().Name,
    };

    private static string Describe(List<CellOutput> outputs) =>
        outputs.Count == 0 ? "no outputs" : $"{outputs.Count} output{(outputs.Count == 1 ? "" : "s")} ({string.Join(", ", outputs.Select(Kind))})";
}
