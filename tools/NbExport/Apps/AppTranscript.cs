// What an exported app prints, read off the notebook's stored outputs, for comparing the two forms.
using System.Net;
using System.Text.RegularExpressions;
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbExport.Apps;

/// <summary>
/// The stored outputs of the cells the app runs, turned into what the app prints on stdout: streams as they are,
/// a displayed value as its text (text/plain, else the text of its HTML) plus a newline, a chart as the line
/// naming its file. The kernel's notes about <c>#r "nuget:"</c> lines have no counterpart in an app and are left out,
/// as is stderr. Compare with <c>OutputComparison</c>, as <c>verify</c> does.
/// </summary>
public static partial class AppTranscript
{
    public static IReadOnlyList<CellOutput> Expected(Notebook notebook)
    {
        var appName = Path.GetFileNameWithoutExtension(AppSource.FileName(notebook));
        var charts = 0;
        var printed = new List<CellOutput>();
        foreach (var output in notebook.Cells.Where(AppSource.Runs).SelectMany(c => c.StoredOutputs))
        {
            var text = output switch
            {
                StreamOutput { Name: StreamOutput.StandardOutput } s => s.Text,
                DisplayOutput d when PackageDisplay.IsPackageNote(d) => null,
                DisplayOutput d when PlotlyOutput.IsChart(d) => $"{AppSupport.ChartLine}{AppSupport.ChartFile(appName, (++charts).ToString())}\n",
                DisplayOutput d when d.Data.TryGetValue(ValueFormatter.PlainText, out var plain) => plain + "\n",
                DisplayOutput d when d.Data.TryGetValue(ValueFormatter.Html, out var html) => TextOf(html) + "\n",
                _ => null,
            };
            if (text is not null)
            {
                printed.Add(new StreamOutput(StreamOutput.StandardOutput, text));
            }
        }
        return printed;
    }

    /// <summary>What a reader sees of an HTML output: tags, styles and scripts dropped, entities decoded.</summary>
    private static string TextOf(string html) => WebUtility.HtmlDecode(Tag().Replace(StyleOrScript().Replace(html, ""), "")).Trim();

    [GeneratedRegex("<(style|script)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
