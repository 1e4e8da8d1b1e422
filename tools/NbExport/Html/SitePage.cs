// One notebook's place on the site: its page file, title and summary.
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbExport.Html;

internal sealed record SitePage(Notebook Notebook, string FileName, string Title, string Summary)
{
    public static SitePage Of(Notebook notebook) =>
        new(notebook, NotebookTitle.Slug(notebook) + ".html", NotebookTitle.Of(notebook), NotebookTitle.Summary(notebook));

    public bool HasCharts => Notebook.Cells.SelectMany(c => c.StoredOutputs).OfType<DisplayOutput>().Any(PlotlyFigure.IsChart);
}
