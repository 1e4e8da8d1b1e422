// Maps the engine's cell outputs to iopub messages: stream, display_data, update_display_data, execute_result and error.
using System.Text.Json.Nodes;
using NbEngine.Notebooks;

namespace NbKernel.Handlers;

/// <summary>
/// Displays go out as their full bundle (<see cref="DisplayOutput.Bundle"/>: Polyglot's payloads plus the plain
/// text consoles show and a chart's Plotly figure); JSON MIME types (<c>application/…+json</c>) go as JSON, as
/// the protocol wants. A display of <c>display(…)</c> carries its id in <c>transient.display_id</c> and its updates
/// go as <c>update_display_data</c>. Polyglot stores an error's details in <c>evalue</c> and an empty traceback,
/// but Jupyter front-ends show only the traceback, so an empty one is sent as the lines of <c>evalue</c>.
/// </summary>
internal static class OutputMessages
{
    public static (string MsgType, JsonObject Content) Of(CellOutput output, int executionCount) => output switch
    {
        StreamOutput s => ("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }),
        DisplayOutput { IsResult: true } d => ("execute_result",
            new JsonObject { ["execution_count"] = executionCount, ["data"] = Data(d), ["metadata"] = new JsonObject() }),
        DisplayOutput d => ("display_data", Display(d)),
        DisplayUpdate u => ("update_display_data", Display(u.Display)),
        ErrorOutput e => ("error", ErrorContent(e)),
        _ => throw new ArgumentException($"expected a stream, display or error output, got {output.GetType().Name}", nameof(output)),
    };

    /// <summary>ename, evalue and traceback, as the error message and a failed execute_reply both carry them.</summary>
    public static JsonObject ErrorContent(ErrorOutput error) => new()
    {
        ["ename"] = error.EName,
        ["evalue"] = error.EValue,
        ["traceback"] = new JsonArray([.. (error.Traceback.Count > 0 ? error.Traceback : error.EValue.Split('\n')).Select(l => (JsonNode?)l)]),
    };

    private static JsonObject Display(DisplayOutput display) => new()
    {
        ["data"] = Data(display),
        ["metadata"] = new JsonObject(),
        ["transient"] = display.DisplayId is { } id ? new JsonObject { ["display_id"] = id } : new JsonObject(),
    };

    private static JsonObject Data(DisplayOutput display) =>
        new(display.Bundle.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, IsJson(p.Key) ? JsonNode.Parse(p.Value) : (JsonNode?)p.Value)));

    private static bool IsJson(string mimeType) => mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);
}
