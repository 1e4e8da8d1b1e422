// The XML documentation file beside a referenced assembly, read for Roslyn so editors can show members' summaries.
using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace NbEngine.Execution;

/// <summary>
/// Maps documentation ids (<c>M:Recurrent.Torch.ManualSeed(System.Int64)</c>) to their <c>&lt;member&gt;</c> XML,
/// read once, on first use; a file that cannot be read documents nothing. (Roslyn's own XML provider lives in the
/// Workspaces package, which the engine does not otherwise need.)
/// </summary>
internal sealed class XmlDocumentation : DocumentationProvider
{
    private readonly string _path;
    private readonly Lazy<Dictionary<string, string>> _members;

    private XmlDocumentation(string path)
    {
        _path = path;
        _members = new Lazy<Dictionary<string, string>>(Load);
    }

    /// <summary>The provider for the <c>.xml</c> beside <paramref name="assemblyPath"/>, or null when there is none.</summary>
    public static XmlDocumentation? Beside(string assemblyPath)
    {
        var path = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(path) ? new XmlDocumentation(path) : null;
    }

    protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
        _members.Value.GetValueOrDefault(documentationMemberID);

    public override bool Equals(object? obj) => obj is XmlDocumentation other && other._path == _path;

    public override int GetHashCode() => _path.GetHashCode(StringComparison.Ordinal);

    private Dictionary<string, string> Load()
    {
        try
        {
            return XDocument.Load(_path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => (string)m.Attribute("name")!)
                .ToDictionary(g => g.Key, g => g.First().ToString(SaveOptions.DisableFormatting));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return [];
        }
    }
}
