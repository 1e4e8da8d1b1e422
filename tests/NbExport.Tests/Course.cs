// The repository's course notebooks and committed apps, located from the path fixed at build time.
using NbEngine.Notebooks;

namespace NbExport.Tests;

internal static class Course
{
    public static string NotebooksFolder => RepositoryRoot.File("notebooks");

    public static string AppsFolder => Path.Combine(NotebooksFolder, "apps");

    /// <summary>The course notebooks in reading order.</summary>
    public static IReadOnlyList<Notebook> Notebooks { get; } = Directory.GetFiles(NotebooksFolder, "*.ipynb")
        .Order(StringComparer.Ordinal).Select(NotebookReader.Read).ToList();

    public static Notebook Named(string name) => Notebooks.Single(n => n.Name == name);

    /// <summary>xunit data: one row per notebook file name.</summary>
    public static TheoryData<string> Names() => new(Notebooks.Select(n => n.Name));
}
