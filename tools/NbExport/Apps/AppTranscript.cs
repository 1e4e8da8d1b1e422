// What an exported app prints, read off the notebook's stored outputs, for comparing the two forms.
using System.Net;
using System.Text.RegularExpressions;
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbExport.Apps;

/// <summary>
/// The notebook as the app's console transcript: each markdown heading as a section title, then the stored outputs
/// of the cells the app runs: streams as they are, a displayed value as its text (text/plain, else the text of its
/// HTML) plus a newline, the value of a cell's trailing expression labelled with that expression, a chart as the
/// line naming its file in <c>appFolder</c>. The kernel's notes about <c>#r "nuget:"</c> lines have no counterpart
/// in an app and are left out, as is stderr. Compare with <c>OutputComparison</c>, as <c>verify</c> does.
/// </summary>
public static partial class AppTranscript
{
    public static IReadOnlyList<CellOutput> Expected(Notebook notebook, string appFolder)
    {
        var appName = Path.GetFileNameWithoutExtension(AppSource.FileName(notebook));
        var charts = 0;
        var printed = new List<CellOutput>();
        foreach (var cell in notebook.Cells)
        {
            if (AppSource.IsMarkdown(cell) && !AppSource.Runs(cell))
            {
                printed.AddRange(MarkdownHeadings.Of(cell.Source).Select(h => new StreamOutput(StreamOutput.StandardOutput, AppSupport.Section(h))));
                continue;
            }
            if (!AppSource.Runs(cell))
            {
                continue;
            }
            var shown = CellCode.Split(cell.Source).Shown;
            var values = cell.StoredOutputs.OfType<DisplayOutput>().Where(d => !PackageDisplay.IsPackageNote(d)).ToList();
            foreach (var output in cell.StoredOutputs)
            {
                var label = shown is not null && output == values.LastOrDefault() ? shown : null;
                var text = output switch
                {
                    StreamOutput { Name: StreamOutput.StandardOutput } s => s.Text,
                    DisplayOutput d when PackageDisplay.IsPackageNote(d) => null,
                    DisplayOutput d when PlotlyFigure.IsChart(d) =>
                        $"{AppSupport.ChartLine}{Path.Combine(appFolder, AppSupport.ChartFile(appName, (++charts).ToString()))}\n",
                    DisplayOutput d when d.Data.TryGetValue(ValueFormatter.PlainText, out var plain) => Shown(plain, label),
                    DisplayOutput d when d.Data.TryGetValue(ValueFormatter.Html, out var html) => Shown(TextOf(html), label),
                    _ => null,
                };
                if (text is not null)
                {
                    printed.Add(new StreamOutput(StreamOutput.StandardOutput, text));
                }
            }
        }
        return printed;
    }

    private static string Shown(string text, string? label) => label is null ? text + "\n" : AppSupport.Labelled(label, text);

    /// <summary>What a reader sees of an HTML output: tags, styles and scripts dropped, entities decoded.</summary>
    private static string TextOf(string html) => WebUtility.HtmlDecode(Tag().Replace(StyleOrScript().Replace(html, ""), "")).Trim();

    [GeneratedRegex("<(style|script)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
