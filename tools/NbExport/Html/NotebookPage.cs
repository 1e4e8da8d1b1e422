// One notebook as a page: markdown rendered, code highlighted with its execution count, every stored output shown.
using System.Net;
using System.Text;
using NbEngine.Notebooks;

namespace NbExport.Html;

internal static class NotebookPage
{
    public static string Render(SitePage page, SitePage? previous, SitePage? next)
    {
        var body = new StringBuilder();
        foreach (var cell in page.Notebook.Cells)
        {
            body.Append(Cell(cell)).Append('\n');
        }
        return PageLayout.Render(page.Title, PageLayout.Navigation(previous, next), body.ToString(), page.HasCharts);
    }

    private static string Cell(NotebookCell cell) => cell switch
    {
        { Kind: CellKind.Markdown } or { Kind: CellKind.Code, Language: CellLanguage.Markdown } =>
            $"<section class=\"cell markdown\">\n{MarkdownHtml.Render(cell.Source)}</section>",
        { Kind: CellKind.Code } => Code(cell),
        _ => $"<section class=\"cell raw\"><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>",
    };

    private static string Code(NotebookCell cell)
    {
        var source = cell.Language == CellLanguage.CSharp ? CodeHighlighter.Html(cell.Source) : WebUtility.HtmlEncode(cell.Source);
        var prompt = cell.StoredExecutionCount is { } count ? $"[{count}]" : "[ ]";
        var outputs = string.Concat(cell.StoredOutputs.Select(OutputHtml.Render));
        var content = $"<div class=\"input\"><div class=\"prompt\">{prompt}</div><pre><code class=\"language-{cell.Language}\">{source}</code></pre></div>"
            + (outputs.Length > 0 ? $"\n<div class=\"outputs\">{outputs}</div>" : "");
        if (cell.HasTag(NotebookCell.SolutionTag))
        {
            content = $"<details class=\"solution\"><summary>Solution</summary>\n{content}\n</details>";
        }
        return $"<section class=\"cell code\" id=\"cell-{cell.Number}\">{content}</section>";
    }
}
