// Which kernel a cell belongs to, decided as Polyglot does: #!magic first line, then cell metadata, then the default.
using System.Text.Json;

namespace NbEngine.Notebooks;

/// <summary>Cell language detection and the names of the languages the engine knows.</summary>
public static class CellLanguage
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";
    public const string Html = "html";

    /// <summary>The kernels of Polyglot Notebooks a first line <c>#!name</c> can select; any other <c>#!name</c> is a magic command.</summary>
    private static readonly HashSet<string> KernelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        CSharp, "c#", "cs", "fsharp", "f#", "pwsh", "powershell", "javascript", "js", Html, Markdown, "md", "mermaid", "sql", "kql", "http", "value",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c#"] = CSharp,
        ["cs"] = CSharp,
        ["f#"] = "fsharp",
        ["powershell"] = "pwsh",
        ["md"] = Markdown,
    };

    /// <summary>
    /// The kernel of a code cell: a first line <c>#!name</c> wins, then <c>polyglot_notebook.kernelName</c>, then
    /// <c>dotnet_interactive.language</c>, then the notebook's default kernel.
    /// </summary>
    public static string Detect(string source, JsonElement? cellMetadata, string notebookDefault)
    {
        if (KernelOf(source) is { } kernel)
        {
            return Normalize(kernel);
        }
        var fromMetadata = StringAt(cellMetadata, "polyglot_notebook", "kernelName")
            ?? StringAt(cellMetadata, "dotnet_interactive", "language");
        return Normalize(fromMetadata ?? notebookDefault);
    }

    /// <summary>The notebook's <c>polyglot_notebook.kernelInfo.defaultKernelName</c>, or C#.</summary>
    public static string NotebookDefault(JsonElement? notebookMetadata)
    {
        if (notebookMetadata is { ValueKind: JsonValueKind.Object } m
            && m.TryGetProperty("polyglot_notebook", out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("kernelInfo", out var k) && k.ValueKind == JsonValueKind.Object
            && k.TryGetProperty("defaultKernelName", out var d) && d.ValueKind == JsonValueKind.String)
        {
            return Normalize(d.GetString()!);
        }
        return CSharp;
    }

    /// <summary>
    /// The kernel a first line <c>#!name</c> selects, or null when the cell does not start with a kernel's name (a
    /// magic command such as <c>#!time</c> runs in the cell's own kernel).
    /// </summary>
    public static string? KernelOf(string source)
    {
        var firstLine = source.Split('\n', 2)[0].Trim();
        if (!firstLine.StartsWith("#!", StringComparison.Ordinal) || firstLine.Length < 3)
        {
            return null;
        }
        var name = firstLine[2..].Split(' ', 2)[0];
        return KernelNames.Contains(name) ? name : null;
    }

    private static string Normalize(string name) => Aliases.TryGetValue(name, out var canonical) ? canonical : name.ToLowerInvariant();

    private static string? StringAt(JsonElement? element, string outer, string inner) =>
        element is { ValueKind: JsonValueKind.Object } e
        && e.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object
        && o.TryGetProperty(inner, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
