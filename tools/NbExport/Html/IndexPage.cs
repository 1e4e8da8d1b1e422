// The site's first page: the notebooks in reading order, each with its title and first paragraph.
using System.Net;
using System.Text;

namespace NbExport.Html;

internal static class IndexPage
{
    public const string FileName = "index.html";

    public static string Render(string title, IReadOnlyList<SitePage> pages)
    {
        var body = new StringBuilder($"<h1>{WebUtility.HtmlEncode(title)}</h1>\n<ol class=\"contents\">\n");
        foreach (var page in pages)
        {
            body.Append($"<li><a href=\"{page.FileName}\">{WebUtility.HtmlEncode(page.Title)}</a>")
                .Append(page.Summary.Length > 0 ? $"<div class=\"summary\">{MarkdownHtml.Render(page.Summary)}</div>" : "")
                .Append("</li>\n");
        }
        body.Append("</ol>");
        return PageLayout.Render(title, PageLayout.Navigation(null, pages.FirstOrDefault()), body.ToString(), withPlotly: false);
    }
}
