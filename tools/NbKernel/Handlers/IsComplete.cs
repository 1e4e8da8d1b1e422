// is_complete_request: whether a console should run the code now or let the user keep typing.
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NbKernel.Handlers;

/// <summary>Asks Roslyn whether the code parses as a complete script submission (an open block is not).</summary>
internal static class IsComplete
{
    private static readonly CSharpParseOptions ScriptParsing = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    public static JsonObject Reply(JsonObject request)
    {
        var code = RequestContent.String(request, "code");
        if (string.IsNullOrWhiteSpace(code) || SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code, ScriptParsing)))
        {
            return new JsonObject { ["status"] = "complete" };
        }
        return new JsonObject { ["status"] = "incomplete", ["indent"] = NextIndent(code) };
    }

    /// <summary>The last line's indentation, one level deeper after an opening brace or parenthesis.</summary>
    private static string NextIndent(string code)
    {
        var last = code.TrimEnd('\n', '\r').Split('\n')[^1].TrimEnd();
        var indent = last[..(last.Length - last.TrimStart().Length)];
        return last.EndsWith('{') || last.EndsWith('(') ? indent + "    " : indent;
    }
}
