// The exported site in a real browser: no errors, every chart drawn, every equation typeset, the notebooks' numbers shown.
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbExport.Tests;

public sealed class SiteTests(RenderedSite site) : IClassFixture<RenderedSite>
{
    private static readonly string[] PageNames = [.. Course.Notebooks.Select(RenderedSite.PageOf), "index.html"];

    public static TheoryData<string> AllPages() => new(PageNames);

    [Fact]
    public void ExportHtml_WritesAPagePerNotebookAndAnIndex()
    {
        Assert.True(site.ExitCode == 0, site.ExportOutput);
        Assert.Contains($"exported {Course.Notebooks.Count} notebooks as html to {site.Folder}", site.ExportOutput);
        Assert.Contains("06-splitting-directions-and-layers.html", Course.Notebooks.Select(RenderedSite.PageOf));   // the slug: title, lower case, dashes
        Assert.Equal(
            Course.Notebooks.Select(RenderedSite.PageOf).Append("index.html").Order(StringComparer.Ordinal),
            Directory.GetFiles(site.Folder, "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(site.Folder, "assets", "plotly.min.js")));
        Assert.True(File.Exists(Path.Combine(site.Folder, "assets", "katex", "fonts", "KaTeX_Main-Regular.woff2")));
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public void ExportHtml_PageLoadsOfflineWithoutConsoleErrors(string page)
    {
        var rendered = site.Page(page);

        Assert.Empty(rendered.ConsoleErrors);
        Assert.Empty(rendered.OutsideRequests);
    }

    [Theory]
    [MemberData(nameof(Course.Names), MemberType = typeof(Course))]
    public void ExportHtml_DrawsEveryStoredChartAsAnSvg(string notebookName)
    {
        var notebook = Course.Named(notebookName);
        var stored = notebook.Cells.SelectMany(c => c.StoredOutputs).OfType<DisplayOutput>().Count(PlotlyFigure.IsChart);
        var rendered = site.Page(RenderedSite.PageOf(notebook));

        Assert.Equal(stored, rendered.Charts);
        Assert.Equal(stored, rendered.DrawnCharts);
    }

    [Fact]
    public void ExportHtml_RendersEveryEquation()
    {
        Assert.All(PageNames, page => Assert.Equal(site.Page(page).Equations, site.Page(page).RenderedEquations));
        var manual = site.Page("05-manual-recurrence.html");
        Assert.True(manual.Equations >= 10, $"expected the recurrence notebook's equations, got {manual.Equations}");
        Assert.Equal(2, manual.DisplayEquations);
        Assert.Contains(@"h_t = \tanh\left(W_{ih}\,x_t + b_{ih} + W_{hh}\,h_{t-1} + b_{hh}\right), \qquad h_0 = 0", manual.TexSources);
    }

    [Theory]
    [MemberData(nameof(Course.Names), MemberType = typeof(Course))]
    public void ExportHtml_PageTextHoldsEveryStoredTextOutput(string notebookName)
    {
        var notebook = Course.Named(notebookName);
        var text = Normalized(site.Page(RenderedSite.PageOf(notebook)).Text);
        var lines = notebook.Cells.SelectMany(c => c.StoredOutputs)
            .Where(o => o is not DisplayOutput d || !PackageDisplay.IsPackageNote(d))
            .Select(o => o switch
            {
                StreamOutput s => s.Text,
                DisplayOutput d when d.Data.Count == 1 && d.Data.TryGetValue(ValueFormatter.PlainText, out var plain) => plain,
                _ => "",
            })
            .SelectMany(t => t.Split('\n')).Select(Normalized).Where(l => l.Length > 0).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Contains(line, text));
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public void ExportHtml_NoElementIsWiderThanTheColumnAndEveryLegendIsInsideItsChart(string page)
    {
        var rendered = site.Page(page);

        Assert.Empty(rendered.WiderThanColumn);
        Assert.Empty(rendered.LegendsOutsideTheirChart);
    }

    [Fact]
    public void ExportHtml_ShowsTheInstalledPackagesAsOneLineAndNoMachinePath()
    {
        var page = site.Page("02-vanilla-rnn.html");

        Assert.Contains("Packages: Plotly.NET 6.0.0 · Plotly.NET.CSharp 0.14.0 · Plotly.NET.Interactive 6.0.0", page.Text);
        Assert.DoesNotContain("Loading extensions", page.Text);
        Assert.DoesNotContain("Installed Packages", page.Text);
    }

    [Fact]
    public void ExportHtml_VanillaRnnPageShowsTheArticlesNumbers()
    {
        var page = site.Page("02-vanilla-rnn.html");
        var text = page.Text;

        Assert.Equal(1, page.DrawnCharts);
        Assert.Contains("tensor([[[-0.0819,  0.8100],", text);
        Assert.Contains("[-0.4143,  1.0000]]], grad_fn=<TransposeBackward1>)", text);   // PyTorch's print of a batch-first RNN's output
        Assert.Contains("✓ h_n[0] == output[:, -1, :] exactly", text);
        Assert.Contains("A vanilla RNN, number by number", text);
    }

    [Fact]
    public void ExportHtml_IndexLinksTheNotebooksInReadingOrder()
    {
        var index = site.Page("index.html");

        Assert.Equal(Course.Notebooks.Select(RenderedSite.PageOf), index.ContentsLinks);
        Assert.Contains("A vanilla RNN, number by number", index.Text);
    }

    [Fact]
    public void ExportHtml_ScreenshotOfTheVanillaRnnPageIsAPng()
    {
        var png = File.ReadAllBytes(site.Screenshot);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.True(png.Length > 30_000, $"expected a screenshot with a chart in it, got {png.Length} bytes");
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
