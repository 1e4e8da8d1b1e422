// Small notebooks written on the fly for the exporters' unit tests, in the Polyglot form the course uses.
using System.Text.Json;
using System.Text.Json.Nodes;
using NbEngine.Notebooks;

namespace NbExport.Tests;

internal sealed record FixtureCell(string Kind, string Source, string[]? Tags = null, string? OutputsJson = null)
{
    public static FixtureCell Markdown(string source) => new("markdown", source);

    public static FixtureCell Code(string source, string? outputsJson = null, params string[] tags) => new("code", source, tags, outputsJson);
}

internal static class FixtureNotebook
{
    /// <summary>Writes the cells as <paramref name="name"/> in <paramref name="folder"/> (a new temp folder when null) and reads it back.</summary>
    public static Notebook Write(string name, IEnumerable<FixtureCell> cells, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("nbexport-test-").FullName;
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(Cell).ToArray<JsonNode?>()),
            ["metadata"] = JsonNode.Parse("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp"}}}"""),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return NotebookReader.Read(path);
    }

    private static JsonObject Cell(FixtureCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind,
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray((cell.Tags ?? []).Select(t => (JsonNode?)t).ToArray()) },
            ["source"] = cell.Source,
        };
        if (cell.Kind == "code")
        {
            json["execution_count"] = 1;
            json["outputs"] = JsonNode.Parse(cell.OutputsJson ?? "[]");
        }
        return json;
    }
}
