// The course notebooks as parsed JSON, for the form and output checks.
using System.Text.Json.Nodes;

namespace Notebooks.Tests;

internal static class CourseNotebooks
{
    public static string Directory { get; } = RepositoryRoot.File("notebooks");

    /// <summary>The file names, in reading order (01-…, 02-…, …).</summary>
    public static IReadOnlyList<string> Names { get; } = System.IO.Directory
        .GetFiles(Directory, "*.ipynb")
        .Select(Path.GetFileName)
        .Order(StringComparer.Ordinal)
        .ToList()!;

    /// <summary>xunit data: one row per notebook file name.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }
        return data;
    }

    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, name)))!.AsObject();

    public static IEnumerable<JsonObject> Cells(JsonObject notebook, string kind) =>
        notebook["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => (string?)c["cell_type"] == kind);

    /// <summary>A cell's source or a stream's text, joined from its array of lines.</summary>
    public static string Text(JsonNode? lines) =>
        lines is JsonArray array ? string.Concat(array.Select(l => (string?)l)) : (string?)lines ?? "";
}
