// Writing exported files: one output name per notebook, each file written atomically as UTF-8.
using System.Text;
using NbEngine.Files;
using NbEngine.Notebooks;

namespace NbExport;

internal static class OutputFiles
{
    /// <summary>Fails when two notebooks (from different folders) would be written to the same file name.</summary>
    public static void EnsureDistinct(IEnumerable<(Notebook Notebook, string FileName)> outputs)
    {
        if (outputs.GroupBy(o => o.FileName).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ExportException(
                $"expected one output file per notebook, but {string.Join(" and ", clash.Select(o => o.Notebook.Path))} would both be written to {clash.Key}");
        }
    }

    /// <summary>Writes through a temporary file and a rename (a file whose content is unchanged is left alone).</summary>
    public static string Write(string folder, string fileName, string text)
    {
        var path = Path.Combine(folder, fileName);
        AtomicFile.Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
        return path;
    }
}
