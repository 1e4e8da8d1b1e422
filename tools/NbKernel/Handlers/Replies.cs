// The content shapes every reply shares: status ok, or status error with ename / evalue / traceback.
using System.Text.Json.Nodes;

namespace NbKernel.Handlers;

internal static class Replies
{
    public static JsonObject Ok(JsonObject? fields = null)
    {
        var content = new JsonObject { ["status"] = "ok" };
        foreach (var (name, value) in fields ?? [])
        {
            content[name] = value?.DeepClone();
        }
        return content;
    }

    public static JsonObject Error(string ename, string evalue, IEnumerable<string>? traceback = null) => new()
    {
        ["status"] = "error",
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["traceback"] = new JsonArray([.. (traceback ?? [$"{ename}: {evalue}"]).Select(l => (JsonNode?)l)]),
    };

    /// <summary>The reply type of a request type: <c>execute_request</c> → <c>execute_reply</c>.</summary>
    public static string TypeFor(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";
}
