// Maps the engine's cell outputs to iopub messages: stream, display_data, execute_result and error.
using System.Text.Json.Nodes;
using NbEngine.Notebooks;

namespace NbKernel.Handlers;

/// <summary>
/// The payloads are the engine's own (the same text the batch runner stores); only the envelope is the
/// protocol's. Polyglot stores an error's details in <c>evalue</c> and an empty traceback, but Jupyter front-ends
/// show only the traceback, so an empty one is sent as the lines of <c>evalue</c>.
/// </summary>
internal static class OutputMessages
{
    public static (string MsgType, JsonObject Content) Of(CellOutput output, int executionCount) => output switch
    {
        StreamOutput s => ("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }),
        DisplayOutput { IsResult: true } d => ("execute_result",
            new JsonObject { ["execution_count"] = executionCount, ["data"] = Data(d), ["metadata"] = new JsonObject() }),
        DisplayOutput d => ("display_data",
            new JsonObject { ["data"] = Data(d), ["metadata"] = new JsonObject(), ["transient"] = new JsonObject() }),
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

    private static JsonObject Data(DisplayOutput display) =>
        new(display.Data.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
}
