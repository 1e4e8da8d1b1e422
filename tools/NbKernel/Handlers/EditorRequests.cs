// complete_request and inspect_request: Roslyn's view of the code as the session's next cell.
using System.Text.Json.Nodes;
using NbEngine.Execution;
using NbKernel.Editing;

namespace NbKernel.Handlers;

internal sealed class EditorRequests(NotebookSession session)
{
    public JsonObject Complete(JsonObject request)
    {
        var (code, cursor, offset) = Cursor(request);
        var compilation = session.CompilationOf(code);
        var position = CursorPosition.InCompiled(code, offset, compilation.SyntaxTrees.Single().GetText());
        var matches = Completions.At(compilation, position, out var prefixLength);
        var start = CursorPosition.ToCodePoints(code, Math.Max(offset - prefixLength, 0));
        return Replies.Ok(new JsonObject
        {
            ["matches"] = new JsonArray([.. matches.Select(m => (JsonNode?)m.Text)]),
            ["cursor_start"] = start,
            ["cursor_end"] = cursor,
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray([.. matches.Select(m => (JsonNode?)new JsonObject
                {
                    ["text"] = m.Text, ["type"] = m.Type, ["signature"] = m.Signature, ["start"] = start, ["end"] = cursor,
                })]),
            },
        });
    }

    public JsonObject Inspect(JsonObject request)
    {
        var (code, _, offset) = Cursor(request);
        var compilation = session.CompilationOf(code);
        var description = Inspection.At(compilation, CursorPosition.InCompiled(code, offset, compilation.SyntaxTrees.Single().GetText()));
        return Replies.Ok(new JsonObject
        {
            ["found"] = description is not null,
            ["data"] = description is null ? new JsonObject() : new JsonObject { ["text/plain"] = description },
            ["metadata"] = new JsonObject(),
        });
    }

    private static (string Code, int Cursor, int Offset) Cursor(JsonObject request)
    {
        var code = RequestContent.String(request, "code");
        var cursor = RequestContent.Int(request, "cursor_pos");
        return (code, cursor, CursorPosition.ToUtf16(code, cursor));
    }
}
