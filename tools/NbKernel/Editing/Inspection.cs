// What the name under the cursor is: its kind, signature and documentation summary, from the session's semantic model.
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace NbKernel.Editing;

/// <summary>
/// Binds the identifier at (or just before) the cursor with the session's semantic model. An overloaded call
/// that does not resolve yet (the user is still typing its arguments) lists every candidate. The summary comes
/// from the XML documentation file beside a referenced assembly (Recurrent ships one), when there is one.
/// </summary>
internal static class Inspection
{
    private static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue);

    private static readonly SymbolDisplayFormat QualifiedSignature = SignatureFormat.AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary>The description, or null when nothing at <paramref name="position"/> binds to a symbol.</summary>
    public static string? At(Compilation compilation, int position)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        foreach (var at in new[] { position, position - 1 }.Where(p => p >= 0 && p < tree.Length))
        {
            var node = tree.GetRoot().FindToken(at).Parent;
            if (node is null)
            {
                continue;
            }
            var bound = model.GetSymbolInfo(node);
            var symbols = bound.Symbol is { } symbol ? [symbol]
                : bound.CandidateSymbols.Length > 0 ? bound.CandidateSymbols
                : model.GetDeclaredSymbol(node) is { } declared ? [declared]
                : [];
            if (symbols.Length > 0)
            {
                return string.Join("\n\n", symbols.Select(Describe));
            }
        }
        return null;
    }

    /// <summary><c>(method) void Torch.ManualSeed(long seed)</c>: the symbol's kind and signature.</summary>
    public static string Signature(ISymbol symbol)
    {
        var format = symbol.ContainingType is { IsScriptClass: true } or null ? SignatureFormat : QualifiedSignature;
        return $"({KindOf(symbol)}) {symbol.ToDisplayString(format)}";
    }

    private static string Describe(ISymbol symbol) => Summary(symbol) is { } summary ? $"{Signature(symbol)}\n{summary}" : Signature(symbol);

    /// <summary>The documentation's summary as plain text (references by name, whitespace collapsed), or null without one.</summary>
    private static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(expandIncludes: true);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }
        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            if (summary is null)
            {
                return null;
            }
            var text = string.Concat(summary.DescendantNodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e => NameOf(e),
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => (string?)e.Attribute("name") ?? "",
                _ => "",
            }));
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary><c>&lt;see cref="M:Recurrent.Torch.ManualSeed(System.Int64)"/&gt;</c> → <c>Torch.ManualSeed</c>, a type by its name, a <c>langword</c> as written.</summary>
    private static string NameOf(XElement see)
    {
        if ((string?)see.Attribute("langword") is { } word)
        {
            return word;
        }
        var cref = (string?)see.Attribute("cref") ?? see.Value;
        var parts = (cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref).Split('(')[0].Split('`')[0].Split('.');
        return cref.StartsWith("T:", StringComparison.Ordinal) || cref.StartsWith("N:", StringComparison.Ordinal) || parts.Length < 2
            ? parts[^1]
            : $"{parts[^2]}.{parts[^1]}";
    }

    private static string KindOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol { ContainingType.IsScriptClass: true } or ILocalSymbol => "variable",
        INamedTypeSymbol type => type.TypeKind.ToString().ToLowerInvariant(),
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };
}
