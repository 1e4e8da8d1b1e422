// Writes a small notebook of given code cells into a fresh folder, for tests whose cells are the point.
using System.Text.Json.Nodes;

namespace NbRunner.Tests;

internal static class ScratchNotebook
{
    /// <summary>A new notebook <paramref name="name"/> in its own temporary folder; each string is one C# cell with no outputs.</summary>
    public static string Create(string name, params string[] cells) =>
        CreateIn(Directory.CreateTempSubdirectory("nbrunner-scratch-").FullName, name, cells);

    public static string CreateIn(string folder, string name, params string[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray([.. cells.Select((source, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = $"cell{i}",
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            })]),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }
}
