// export html: one page per notebook, an index in reading order, and the assets, written into one folder.
using NbEngine.Notebooks;

namespace NbExport.Html;

/// <summary>
/// Builds a static site from notebooks as they are stored (nothing is run): pages work offline and from a
/// file:// URL, since KaTeX and plotly.js are shipped in <c>assets/</c>. Files are written atomically, and files
/// whose content is unchanged are not touched.
/// </summary>
public static class SiteExporter
{
    /// <summary>Writes the site for <paramref name="notebooks"/> (in reading order) into <paramref name="folder"/>; returns the pages written.</summary>
    public static IReadOnlyList<string> Export(IReadOnlyList<Notebook> notebooks, string folder)
    {
        var pages = notebooks.Select(SitePage.Of).ToList();
        OutputFiles.EnsureDistinct(pages.Select(p => (p.Notebook, p.FileName)));
        Directory.CreateDirectory(folder);
        SiteAssets.WriteTo(folder, pages.Any(p => p.HasCharts));
        var written = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var html = NotebookPage.Render(pages[i], i > 0 ? pages[i - 1] : null, i + 1 < pages.Count ? pages[i + 1] : null);
            written.Add(OutputFiles.Write(folder, pages[i].FileName, html));
        }
        written.Add(OutputFiles.Write(folder, IndexPage.FileName, IndexPage.Render(SiteTitle(notebooks), pages)));
        return written;
    }

    /// <summary>The first heading of a README.md beside the (first) notebooks, else "Notebooks".</summary>
    private static string SiteTitle(IReadOnlyList<Notebook> notebooks)
    {
        var readme = notebooks.Count > 0 ? Path.Combine(notebooks[0].Directory, "README.md") : null;
        return (File.Exists(readme) ? NotebookTitle.Heading(File.ReadAllText(readme)) : null) ?? "Notebooks";
    }
}
