// Renders markdown cells with Markdig: tables, heading ids, links, and $…$ / $$…$$ math left for KaTeX to draw.
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace NbExport.Html;

internal static class MarkdownHtml
{
    /// <summary>Math becomes <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c> (<c>\[…\]</c> for a math block), which site.js renders.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseMathematics()
        .Build();

    /// <summary>
    /// The cell as HTML. <c>$$…$$</c> inside a paragraph is display math in Jupyter, but Markdig writes it like
    /// <c>$…$</c>; it gets the class <c>display</c> so the page typesets it on a line of its own.
    /// </summary>
    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var math in document.Descendants<MathInline>().Where(m => m.DelimiterCount == 2))
        {
            math.GetAttributes().AddClass("display");
        }
        return document.ToHtml(Pipeline);
    }
}
