// Page building without a browser: highlighting keeps the code, outputs appear as stored, names cannot clash.
using System.Net;
using System.Text.RegularExpressions;
using NbExport.Html;

namespace NbExport.Tests;

public sealed partial class PageRenderingTests
{
    [Fact]
    public void ExportHtml_HighlightingKeepsTheCellsTextCharacterForCharacter()
    {
        var cell = string.Join('\n', Course.Notebooks.SelectMany(n => n.Cells).Where(c => c.IsCode).Select(c => c.Source).Take(12));

        var html = CodeHighlighter.Html(cell);

        Assert.Equal(cell, WebUtility.HtmlDecode(Tag().Replace(html, "")));
        Assert.Contains("<span class=\"d\">#r &quot;../lib/Recurrent/bin/Release/net8.0/Recurrent.dll&quot;\n</span>", html);
        Assert.Contains("<span class=\"k\">var</span>", html);
        Assert.Contains("<span class=\"f\">Check</span>", html);
    }

    [Fact]
    public void ExportHtml_ShowsStoredOutputsAsStoredAndMathForKatex()
    {
        var notebook = FixtureNotebook.Write("07-Outputs.ipynb",
        [
            FixtureCell.Markdown("# Outputs\n\nThe state $h_t$ and\n\n$$h_t = \\tanh(x)$$"),
            FixtureCell.Code("Console.WriteLine(\"a < b\");\nx", """
                [{"output_type": "stream", "name": "stdout", "text": "a < b\n"},
                 {"output_type": "display_data", "data": {"text/plain": "tensor([1.])"}, "metadata": {}},
                 {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo="}, "metadata": {}},
                 {"output_type": "error", "ename": "Error", "evalue": "System.Exception: boom", "traceback": []}]
                """),
        ]);
        var folder = Directory.CreateTempSubdirectory("nbexport-site-").FullName;

        SiteExporter.Export([notebook], folder);
        var page = File.ReadAllText(Path.Combine(folder, "07-outputs.html"));

        Assert.Contains("<pre class=\"output stream stdout\">a &lt; b\n</pre>", page);
        Assert.Contains("<pre class=\"output text\">tensor([1.])</pre>", page);
        Assert.Contains("(an output stored as image/png, which this page does not show)", page);
        Assert.Contains("<pre class=\"output error\">Error: System.Exception: boom</pre>", page);
        Assert.Contains("<span class=\"math\">\\(h_t\\)</span>", page);
        Assert.Contains("<span class=\"math display\">\\(h_t = \\tanh(x)\\)</span>", page);
        Assert.DoesNotContain("plotly.min.js", page);
        Assert.Contains("<title>Outputs</title>", page);
    }

    [Fact]
    public void ExportHtml_ASolutionCell_IsFoldedUnderSolutionWithItsOutputs()
    {
        var notebook = FixtureNotebook.Write("07-Exercises.ipynb",
        [
            FixtureCell.Markdown("# Exercises\n\n1. Add one and one."),
            FixtureCell.Code("1 + 1", """[{"output_type": "display_data", "data": {"text/plain": "2"}, "metadata": {}}]""",
                "solution"),
            FixtureCell.Code("3", """[{"output_type": "display_data", "data": {"text/plain": "3"}, "metadata": {}}]"""),
        ]);
        var folder = Directory.CreateTempSubdirectory("nbexport-site-").FullName;

        SiteExporter.Export([notebook], folder);
        var page = File.ReadAllText(Path.Combine(folder, "07-exercises.html"));

        var solution = Regex.Match(page, "<details class=\"solution\"><summary>Solution</summary>(.*?)</details>", RegexOptions.Singleline);
        Assert.True(solution.Success, "the solution cell is folded under a Solution summary");
        Assert.Contains("1 + 1", WebUtility.HtmlDecode(Tag().Replace(solution.Groups[1].Value, "")));
        Assert.Contains("<pre class=\"output text\">2</pre>", solution.Groups[1].Value);
        Assert.Equal(1, Regex.Count(page, "<details"));                   // the untagged cell stays open
    }

    [Fact]
    public void ExportHtml_TwoNotebooksWithOnePageName_SaysWhichAndWritesNothing()
    {
        var first = FixtureNotebook.Write("A b.ipynb", [FixtureCell.Markdown("# One")]);
        var second = FixtureNotebook.Write("a-B.ipynb", [FixtureCell.Markdown("# Two")]);
        var folder = Path.Combine(Directory.CreateTempSubdirectory("nbexport-site-").FullName, "site");

        var error = Assert.Throws<ExportException>(() => SiteExporter.Export([first, second], folder));

        Assert.Equal($"expected one output file per notebook, but {first.Path} and {second.Path} would both be written to a-b.html", error.Message);
        Assert.False(Directory.Exists(folder));
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
