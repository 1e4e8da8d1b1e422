// Requests that consoles send on start and that this kernel answers with empty results: comms and history.
using System.Text.Json.Nodes;

namespace NbKernel.Handlers;

/// <summary>The kernel keeps no history and opens no comms; saying so keeps clients such as jupyter-console happy.</summary>
internal static class CourtesyReplies
{
    public static JsonObject CommInfo() => Replies.Ok(new JsonObject { ["comms"] = new JsonObject() });

    public static JsonObject History() => Replies.Ok(new JsonObject { ["history"] = new JsonArray() });
}
