// Inserts an interrupt check into every loop body and before every goto of cell code, keeping line numbers.
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NbEngine.Execution;

/// <summary>
/// .NET cannot abort a thread, so a cell is made interruptible by construction: each loop body (and each goto)
/// starts with <see cref="CellInterrupt.Check"/>. Insertions never contain a newline, so lines stay as the user
/// wrote them; <see cref="ToOriginal"/> maps a position in the injected text back to the user's text, for
/// compile errors.
/// </summary>
internal sealed class InterruptInjector
{
    private readonly List<(int Position, int Length)> _insertions;

    private InterruptInjector(string code, List<(int Position, int Length)> insertions)
    {
        Code = code;
        _insertions = insertions;
    }

    /// <summary>The code with checks inserted.</summary>
    public string Code { get; }

    public static InterruptInjector Inject(string code, CSharpParseOptions options)
    {
        var root = CSharpSyntaxTree.ParseText(code, options).GetRoot();
        var edits = new List<(int Position, int Order, string Text)>();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case WhileStatementSyntax w: Guard(w.Statement, edits); break;
                case DoStatementSyntax d: Guard(d.Statement, edits); break;
                case ForStatementSyntax f: Guard(f.Statement, edits); break;
                case CommonForEachStatementSyntax f: Guard(f.Statement, edits); break;
                case GotoStatementSyntax g: Wrap(g, edits); break;
            }
        }
        var ordered = edits.OrderBy(e => e.Position).ThenBy(e => e.Order).ToList();
        var text = new System.Text.StringBuilder(code.Length + ordered.Sum(e => e.Text.Length));
        var position = 0;
        foreach (var (at, _, insert) in ordered)
        {
            text.Append(code, position, at - position).Append(insert);
            position = at;
        }
        text.Append(code, position, code.Length - position);
        return new InterruptInjector(text.ToString(), ordered.Select(e => (e.Position, e.Text.Length)).ToList());
    }

    /// <summary>The offset in the user's code that an offset in <see cref="Code"/> came from.</summary>
    public int ToOriginal(int injectedOffset)
    {
        var shift = 0;
        foreach (var (position, length) in _insertions)
        {
            if (injectedOffset >= position + shift + length)
            {
                shift += length;
            }
            else
            {
                return injectedOffset >= position + shift ? position : injectedOffset - shift;
            }
        }
        return injectedOffset - shift;
    }

    private static void Guard(StatementSyntax body, List<(int, int, string)> edits)
    {
        if (body is BlockSyntax block)
        {
            edits.Add((block.OpenBraceToken.Span.End, 1, CellInterrupt.Statement));
        }
        else
        {
            Wrap(body, edits);
        }
    }

    private static void Wrap(StatementSyntax statement, List<(int, int, string)> edits)
    {
        edits.Add((statement.SpanStart, 1, "{" + CellInterrupt.Statement));
        edits.Add((statement.Span.End, 0, "}"));
    }
}
