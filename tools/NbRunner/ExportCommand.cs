// export html | cs: reads the notebooks (nothing is run) and writes the static site or the file-based apps.
using System.Diagnostics;
using NbEngine.Notebooks;
using NbExport;
using NbExport.Apps;
using NbExport.Html;

namespace NbRunner;

internal static class ExportCommand
{
    private static readonly Dictionary<string, (string DefaultFolder, Func<IReadOnlyList<Notebook>, string, IReadOnlyList<string>> Export)> Formats =
        new(StringComparer.Ordinal)
        {
            ["html"] = ("site", SiteExporter.Export),
            ["cs"] = ("notebooks/apps", AppExporter.Export),
        };

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length == 0 || !Formats.TryGetValue(args[0], out var format))
        {
            throw new UsageException($"expected `export html` or `export cs`, got `export{(args.Length > 0 ? " " + args[0] : "")}`");
        }
        var (paths, folder) = Parse(args[1..], format.DefaultFolder);
        var clock = Stopwatch.StartNew();
        try
        {
            var notebooks = NotebookFinder.Find(paths).Select(NotebookReader.Read).ToList();
            var written = format.Export(notebooks, folder);
            foreach (var file in written)
            {
                await output.WriteLineAsync($"wrote {file}");
            }
            await output.WriteLineAsync($"exported {notebooks.Count} notebook{(notebooks.Count == 1 ? "" : "s")} as {args[0]} to {folder} in {clock.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Passed;
        }
        catch (Exception e) when (e is NotebookFormatException or ExportException)
        {
            await output.WriteLineAsync($"nbrunner export: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"nbrunner export: could not write to {folder}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static (IReadOnlyList<string> Paths, string Folder) Parse(string[] args, string defaultFolder)
    {
        var paths = new List<string>();
        var folder = defaultFolder;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out":
                    folder = i + 1 < args.Length ? args[++i] : throw new UsageException("--out expects a folder, got nothing");
                    break;
                case var option when option.StartsWith('-') && option.Length > 1:
                    throw new UsageException($"unknown option {option} for export");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }
        return (paths.Count > 0 ? paths : [NotebookOptions.DefaultPath], folder);
    }
}
