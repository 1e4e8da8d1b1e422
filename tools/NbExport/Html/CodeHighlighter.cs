// Colours a C# cell for the site from Roslyn's tokens: keywords, strings, numbers, comments, directives, method names.
using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NbEngine.Execution;

namespace NbExport.Html;

/// <summary>
/// Parses the cell as the kernel does (script syntax, so a trailing expression and <c>#r</c> lines are valid) and
/// wraps tokens in <c>&lt;span class="…"&gt;</c>; the text itself is kept character for character.
/// </summary>
internal static class CodeHighlighter
{
    private static readonly HashSet<SyntaxKind> StringKinds =
    [
        SyntaxKind.StringLiteralToken, SyntaxKind.CharacterLiteralToken, SyntaxKind.Utf8StringLiteralToken,
        SyntaxKind.SingleLineRawStringLiteralToken, SyntaxKind.MultiLineRawStringLiteralToken,
        SyntaxKind.InterpolatedStringStartToken, SyntaxKind.InterpolatedStringTextToken, SyntaxKind.InterpolatedStringEndToken,
        SyntaxKind.InterpolatedSingleLineRawStringStartToken, SyntaxKind.InterpolatedMultiLineRawStringStartToken,
        SyntaxKind.InterpolatedRawStringEndToken,
    ];

    public static string Html(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, ScriptEnvironment.ParseOptions).GetRoot();
        var html = new StringBuilder(source.Length * 2);
        foreach (var token in root.DescendantTokens())
        {
            AppendTrivia(html, token.LeadingTrivia);
            Append(html, ClassOf(token), token.Text);
            AppendTrivia(html, token.TrailingTrivia);
        }
        return html.ToString();
    }

    private static void AppendTrivia(StringBuilder html, SyntaxTriviaList trivia)
    {
        foreach (var piece in trivia)
        {
            var kind = piece.Kind();
            var cssClass = piece.IsDirective ? "d"
                : kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia ? "c"
                : null;
            Append(html, cssClass, piece.ToFullString());
        }
    }

    private static string? ClassOf(SyntaxToken token) => token.Kind() switch
    {
        var kind when SyntaxFacts.IsKeywordKind(kind) => "k",
        var kind when StringKinds.Contains(kind) => "s",
        SyntaxKind.NumericLiteralToken => "n",
        SyntaxKind.IdentifierToken when token.Parent is IdentifierNameSyntax { IsVar: true } => "k",
        SyntaxKind.IdentifierToken when IsMethodName(token) => "f",
        _ => null,
    };

    /// <summary>The name in a method or local function declaration, or the called name in an invocation.</summary>
    private static bool IsMethodName(SyntaxToken token) => token.Parent switch
    {
        MethodDeclarationSyntax or LocalFunctionStatementSyntax => true,
        SimpleNameSyntax name => name.Parent is InvocationExpressionSyntax call && call.Expression == name
            || name.Parent is MemberAccessExpressionSyntax access && access.Name == name && access.Parent is InvocationExpressionSyntax,
        _ => false,
    };

    private static void Append(StringBuilder html, string? cssClass, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        var encoded = WebUtility.HtmlEncode(text);
        html.Append(cssClass is null ? encoded : $"<span class=\"{cssClass}\">{encoded}</span>");
    }
}
