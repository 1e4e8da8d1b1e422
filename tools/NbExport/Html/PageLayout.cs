// The frame every page shares: head with the site's styles and scripts, navigation above and below the content.
using System.Net;

namespace NbExport.Html;

internal static class PageLayout
{
    /// <summary>A whole HTML document; plotly.js is loaded only by pages that hold a chart (it is 3.5 MB).</summary>
    public static string Render(string title, string navigation, string body, bool withPlotly) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <link rel="stylesheet" href="{SiteAssets.KatexCss}">
        <link rel="stylesheet" href="{SiteAssets.SiteCss}">
        <script src="{SiteAssets.SiteJs}"></script>
        <script src="{SiteAssets.KatexJs}"></script>
        {(withPlotly ? $"<script src=\"{SiteAssets.PlotlyJs}\"></script>" : "")}
        </head>
        <body>
        <nav class="site">{navigation}</nav>
        <main>
        {body}
        </main>
        <nav class="site bottom">{navigation}</nav>
        </body>
        </html>

        """;

    /// <summary>Index, previous and next links; a missing neighbour leaves its slot empty.</summary>
    public static string Navigation(SitePage? previous, SitePage? next) =>
        $"<a href=\"index.html\">Contents</a>"
        + (previous is null ? "<span></span>" : $"<a href=\"{previous.FileName}\">← {WebUtility.HtmlEncode(previous.Title)}</a>")
        + (next is null ? "<span></span>" : $"<a href=\"{next.FileName}\">{WebUtility.HtmlEncode(next.Title)} →</a>");
}
