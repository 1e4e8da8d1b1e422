// Splits a C# cell into its #r / #i directives and the C# code left to compile (directive lines blanked).
using System.Text.RegularExpressions;
using NbEngine.Packages;

namespace NbEngine.Execution;

/// <summary>
/// The directives Polyglot handles before compiling a cell: <c>#r "nuget: Id, Version"</c>,
/// <c>#i "nuget: source"</c> and <c>#r "path.dll"</c>, plus a first-line <c>#!csharp</c>. Their lines become
/// empty lines in <see cref="Code"/>, so compile errors keep the cell's own line numbers.
/// </summary>
internal sealed partial record CellDirectives(
    IReadOnlyList<PackageReference> Packages,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> AssemblyPaths,
    string Code)
{
    public static CellDirectives Parse(string cell)
    {
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var paths = new List<string>();
        var lines = cell.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (NugetReference().Match(line) is { Success: true } nuget)
            {
                packages.Add(new PackageReference(nuget.Groups["id"].Value,
                    nuget.Groups["version"].Success ? nuget.Groups["version"].Value : "*"));
            }
            else if (NugetSource().Match(line) is { Success: true } source)
            {
                sources.Add(source.Groups["source"].Value.Trim());
            }
            else if (FileReference().Match(line) is { Success: true } file)
            {
                paths.Add(file.Groups["path"].Value);
            }
            else if (!(i == 0 && line.Trim() is "#!csharp" or "#!c#" or "#!C#"))
            {
                continue;
            }
            lines[i] = "";
        }
        return new CellDirectives(packages, sources, paths, string.Join('\n', lines));
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+)\s*)?"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+)"\s*$""")]
    private static partial Regex NugetSource();

    [GeneratedRegex("""^\s*#r\s+"(?!nuget:)(?<path>[^"]+)"\s*$""")]
    private static partial Regex FileReference();
}
