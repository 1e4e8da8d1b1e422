// export cs: writes each notebook as a file-based app NN-Title.cs into one folder.
using NbEngine.Notebooks;

namespace NbExport.Apps;

public static class AppExporter
{
    /// <summary>Writes one app per notebook into <paramref name="folder"/> (atomically; unchanged files untouched); returns their paths.</summary>
    public static IReadOnlyList<string> Export(IReadOnlyList<Notebook> notebooks, string folder)
    {
        OutputFiles.EnsureDistinct(notebooks.Select(n => (n, AppSource.FileName(n))));
        Directory.CreateDirectory(folder);
        return notebooks.Select(n => OutputFiles.Write(folder, AppSource.FileName(n), AppSource.Render(n, folder))).ToList();
    }
}
