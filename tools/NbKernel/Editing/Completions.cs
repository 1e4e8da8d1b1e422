// Member and name completion from Roslyn's semantic model of the cell as the next submission of the session.
using System.ComponentModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NbKernel.Editing;

/// <summary>A candidate, its kind as Jupyter's experimental completion types name them, and its signature.</summary>
internal sealed record Completion(string Text, string Type, string Signature);

/// <summary>
/// After <c>expr.</c> the candidates are the members of what <c>expr</c> binds to: the static members of a type
/// (<c>Torch.</c>), the members of a namespace, or the instance and extension members of a value's type (a
/// variable from this or an earlier cell). Elsewhere they are the names in scope. Either way they are filtered
/// by the identifier typed so far (case-insensitive prefix).
/// </summary>
internal static class Completions
{
    public static IReadOnlyList<Completion> At(Compilation compilation, int position, out int prefixLength)
    {
        var tree = compilation.SyntaxTrees.Single();
        var text = tree.GetText().ToString();
        var start = position;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }
        prefixLength = position - start;
        var prefix = text[start..position];
        var model = compilation.GetSemanticModel(tree);
        var candidates = MemberAccessed(tree, start) is { } target ? MembersOf(model, target, start) : model.LookupSymbols(start);
        return candidates
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !IsHidden(s))
            .GroupBy(s => s.Name)
            .Select(g => new Completion(g.Key, TypeOf(g.First()), Inspection.Signature(g.First())))
            .OrderBy(c => c.Text, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The expression left of a <c>.</c> or <c>?.</c> just before <paramref name="start"/>, if there is one.</summary>
    private static ExpressionSyntax? MemberAccessed(SyntaxTree tree, int start)
    {
        if (start == 0)
        {
            return null;
        }
        var token = tree.GetRoot().FindToken(start - 1);
        if (!token.IsKind(SyntaxKind.DotToken))
        {
            return null;
        }
        return token.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding => binding.Parent?.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
    }

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, ExpressionSyntax target, int position)
    {
        var bound = model.GetSymbolInfo(target);
        var symbol = bound.Symbol ?? bound.CandidateSymbols.FirstOrDefault();
        if (symbol is INamespaceOrTypeSymbol container)
        {
            return model.LookupStaticMembers(position, container);
        }
        var type = model.GetTypeInfo(target).Type;
        return type is null or IErrorTypeSymbol
            ? []
            : model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { ReducedFrom: not null });
    }

    private static bool IsHidden(ISymbol symbol) => symbol.GetAttributes().Any(a =>
        a.AttributeClass?.Name == nameof(EditorBrowsableAttribute)
        && a.ConstructorArguments is [{ Value: int state }]
        && state == (int)EditorBrowsableState.Never);

    private static string TypeOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "function",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol => "class",
        INamespaceSymbol => "module",
        IPropertySymbol => "property",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol or ILocalSymbol or IParameterSymbol => "instance",
        IEventSymbol => "event",
        _ => "text",
    };
}
