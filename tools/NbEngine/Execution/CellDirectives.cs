// Splits a C# cell into its #r / #i directives, its #! magic commands and the C# code left to compile (their lines blanked).
using System.Text.RegularExpressions;
using NbEngine.Packages;

namespace NbEngine.Execution;

/// <summary>
/// A magic command line (<c>#!time</c>, <c>#!whos</c>, …) at <paramref name="Line"/> (counted from 1), with
/// <paramref name="Name"/> as written, <c>#!</c> included.
/// </summary>
public sealed record MagicLine(int Line, string Name);

/// <summary>
/// The lines Polyglot handles before compiling a cell: <c>#r "nuget: Id, Version"</c>, <c>#i "nuget: source"</c>,
/// <c>#r "path.dll"</c>, magic commands (<see cref="Magics"/>) and <c>#!csharp</c>, the cell's own kernel. Their
/// lines become empty lines in <see cref="Code"/>, so compile errors keep the cell's own line numbers. The
/// exporters read cells through this parser too, so a notebook means the same thing everywhere.
/// </summary>
public sealed partial record CellDirectives(
    IReadOnlyList<PackageReference> Packages,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> AssemblyPaths,
    IReadOnlyList<MagicLine> Magics,
    string Code)
{
    /// <summary>Parses a C# cell's source.</summary>
    public static CellDirectives Parse(string cell)
    {
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var paths = new List<string>();
        var magics = new List<MagicLine>();
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
            else if (Magic().Match(line) is { Success: true } magic)
            {
                if (magic.Groups["name"].Value is not ("#!csharp" or "#!c#" or "#!C#"))
                {
                    magics.Add(new MagicLine(i + 1, magic.Groups["name"].Value));
                }
            }
            else
            {
                continue;
            }
            lines[i] = "";
        }
        return new CellDirectives(packages, sources, paths, magics, string.Join('\n', lines));
    }

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+)\s*)?"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+)"\s*$""")]
    private static partial Regex NugetSource();

    [GeneratedRegex("""^\s*#r\s+"(?!nuget:)(?<path>[^"]+)"\s*$""")]
    private static partial Regex FileReference();

    [GeneratedRegex("""^\s*(?<name>#![A-Za-z]\S*)(\s.*)?$""")]
    private static partial Regex Magic();
}
