// What a code cell's source does at top level, read with Roslyn's script parser (the kernel's own language mode).
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Notebooks.Tests;

internal sealed class CellSource
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private readonly CompilationUnitSyntax _unit;

    public CellSource(string text)
    {
        Text = text;
        _unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, Script).GetRoot();
    }

    public string Text { get; }

    public string FirstLine => Text.Split('\n')[0];

    /// <summary>Calls to <paramref name="callee"/> (e.g. <c>Check</c>, <c>Console.WriteLine</c>) made when the cell runs,
    /// not those inside the methods it declares.</summary>
    public int TopLevelCalls(string callee) => _unit.Members.OfType<GlobalStatementSyntax>()
        .Where(g => g.Statement is not LocalFunctionStatementSyntax)
        .SelectMany(g => g.DescendantNodes().OfType<InvocationExpressionSyntax>())
        .Count(call => call.Expression.ToString() == callee);

    /// <summary>True when the last statement is an expression without a semicolon: the kernel displays its value.</summary>
    public bool EndsInValue => _unit.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax last }
        && last.SemicolonToken.IsMissing;

    /// <summary>True when the cell restores NuGet packages, which the kernel reports as "Installed Packages".</summary>
    public bool LoadsPackages => _unit.GetReferenceDirectives().Any(r => r.File.ValueText.StartsWith("nuget:", StringComparison.Ordinal));

    /// <summary>Whether running the cell must leave at least one output.</summary>
    public bool ShowsSomething => EndsInValue || LoadsPackages
        || TopLevelCalls("Check") + TopLevelCalls("Console.WriteLine") + TopLevelCalls("Console.Write") > 0;
}
