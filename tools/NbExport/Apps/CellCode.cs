// Splits a C# cell into what a file-based app needs apart: using directives, statements, type declarations.
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NbEngine.Execution;

namespace NbExport.Apps;

/// <summary>
/// A cell as a program needs it: the engine's directive parser blanks <c>#r</c>/<c>#i</c> lines; <c>using</c>
/// directives go to the top of the file and type declarations after the statements (C# requires both); a trailing
/// expression, which the kernel displays, becomes <c>display(…, "label");</c>, labelled with its own text
/// (<see cref="Shown"/>). Everything else is kept as written. <see cref="Declared"/> are the names the cell's top-level
/// statements declare (variables and local functions), which share one scope in a program.
/// </summary>
internal sealed partial record CellCode(IReadOnlyList<string> Usings, string Statements, IReadOnlyList<string> Types, string? Shown,
    IReadOnlyList<string> Declared)
{
    public static CellCode Split(string cellSource)
    {
        var code = CellDirectives.Parse(cellSource).Code;
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ScriptEnvironment.ParseOptions).GetRoot();
        var types = root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax).ToList();
        var edits = root.Usings.Select(u => (u.FullSpan, ""))
            .Concat(types.Select(t => (t.FullSpan, "")))
            .ToList();
        string? shown = null;
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing })
        {
            shown = Label(trailing.Expression.ToString());
            edits.Add((trailing.Expression.Span, $"display({trailing.Expression}, {SymbolDisplay.FormatLiteral(shown, quote: true)});"));
        }
        var statements = edits.OrderByDescending(e => e.Item1.Start)
            .Aggregate(SourceText.From(code), (text, edit) => text.Replace(edit.Item1, edit.Item2))
            .ToString();
        return new CellCode(
            root.Usings.Select(u => u.WithoutLeadingTrivia().ToFullString().TrimEnd()).ToList(),
            TrimBlankLines(statements),
            types.Select(t => TrimBlankLines(t.ToFullString())).ToList(),
            shown,
            root.Members.SelectMany(DeclaredBy).ToList());
    }

    /// <summary>
    /// The names a cell's top-level member declares, parsed as a script (as the kernel parses it): <c>var a = …</c>
    /// (a field there), <c>var (a, b) = …</c>, a method (a local function in the app, where overloads are not allowed).
    /// </summary>
    private static IEnumerable<string> DeclaredBy(MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
        MethodDeclarationSyntax method => [method.Identifier.ValueText],
        GlobalStatementSyntax { Statement: ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax declaration } } } =>
            declaration.Designation.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText),
        _ => [],
    };

    /// <summary>The expression a displayed value is labelled with: its text on one line.</summary>
    private static string Label(string expression) => Whitespace().Replace(expression.Trim(), " ");

    [System.Text.RegularExpressions.GeneratedRegex("\\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();

    /// <summary>The text without the blank lines (left by directives, moved usings) before and after it.</summary>
    private static string TrimBlankLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        return first < 0 ? "" : string.Join('\n', lines[first..(last + 1)]);
    }
}
