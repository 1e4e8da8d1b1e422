// What the name under the cursor is: its kind and signature, from the session's semantic model.
using Microsoft.CodeAnalysis;

namespace NbKernel.Editing;

/// <summary>
/// Binds the identifier at (or just before) the cursor with the session's semantic model. An overloaded call
/// that does not resolve yet (the user is still typing its arguments) lists every candidate. There is no summary
/// text: the engine references assemblies without their XML documentation.
/// </summary>
internal static class Inspection
{
    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue);

    private static readonly SymbolDisplayFormat QualifiedSignature = Signature.AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType);

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
                return string.Join("\n", symbols.Select(Describe));
            }
        }
        return null;
    }

    private static string Describe(ISymbol symbol)
    {
        var format = symbol.ContainingType is { IsScriptClass: true } or null ? Signature : QualifiedSignature;
        return $"({KindOf(symbol)}) {symbol.ToDisplayString(format)}";
    }

    private static string KindOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol { ContainingType.IsScriptClass: true } or ILocalSymbol => "variable",
        INamedTypeSymbol type => type.TypeKind.ToString().ToLowerInvariant(),
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };
}
