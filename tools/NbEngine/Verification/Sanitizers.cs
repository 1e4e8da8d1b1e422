// Regex replacements applied to stored and new text before comparing (nbval's sanitiser idea), built-in and per project.
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NbEngine.Verification;

/// <summary>
/// Always masks generated ids (GUIDs, with or without dashes, as in Plotly's div ids and render functions) and
/// the machine-specific part of "Loading extensions from `…`": the packages folder (any home, any
/// <c>NUGET_PACKAGES</c>, either separator) is masked, the package, version and file behind it are still compared.
/// The elapsed time <c>#!time</c> prints is masked too. A project adds its own in
/// <c>nbrunner.sanitizers.json</c> (<c>[{"regex": "...", "replace": "..."}]</c>) in the notebook's folder or
/// any folder above it; the nearest file wins.
/// </summary>
public sealed partial class Sanitizers
{
    public const string FileName = "nbrunner.sanitizers.json";

    private readonly IReadOnlyList<(Regex Pattern, string Replacement)> _rules;

    private Sanitizers(IReadOnlyList<(Regex, string)> rules) => _rules = rules;

    public static Sanitizers BuiltIn { get; } = new(BuiltInRules());

    /// <summary>The built-in rules plus those of the nearest <see cref="FileName"/> above <paramref name="directory"/>.</summary>
    public static Sanitizers For(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, FileName);
            if (File.Exists(file))
            {
                return new Sanitizers([.. BuiltInRules(), .. Load(file)]);
            }
        }
        return BuiltIn;
    }

    public string Apply(string text) => _rules.Aggregate(text, (t, rule) => rule.Pattern.Replace(t, rule.Replacement));

    private static IEnumerable<(Regex, string)> Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{file}: expected an array of {{\"regex\", \"replace\"}} objects, got {document.RootElement.ValueKind}");
        }
        return document.RootElement.EnumerateArray().Select(rule =>
            rule.TryGetProperty("regex", out var regex) && regex.ValueKind == JsonValueKind.String
                ? (new Regex(regex.GetString()!, RegexOptions.CultureInvariant),
                   rule.TryGetProperty("replace", out var replace) ? replace.GetString() ?? "" : "")
                : throw new InvalidDataException($"{file}: expected each rule to have a \"regex\" string, got {rule.GetRawText()}"))
            .ToList();
    }

    private static IReadOnlyList<(Regex, string)> BuiltInRules() =>
    [
        (Guid(), "<id>"),
        (ExtensionInPackagesFolder(), "Loading extensions from `<packages>/${package}/${version}/interactive-extensions/dotnet/${file}`"),
        (OtherExtensionPath(), "Loading extensions from `<path>`"),
        (WallTime(), "Wall time: <elapsed>ms"),
    ];

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"Loading extensions from `[^`]*?(?<package>[^`/\\]+)[/\\](?<version>[^`/\\]+)[/\\]interactive-extensions[/\\]dotnet[/\\](?<file>[^`/\\]+)`")]
    private static partial Regex ExtensionInPackagesFolder();

    [GeneratedRegex("Loading extensions from `(?!<packages>/)[^`]*`")]
    private static partial Regex OtherExtensionPath();

    [GeneratedRegex(@"Wall time: [0-9.E+-]+ms")]
    private static partial Regex WallTime();
}
