// Reads the fields of a request's content, failing with what was expected and what was given.
using System.Text.Json.Nodes;

namespace NbKernel.Handlers;

/// <summary>A field of the wrong type is the client's error: it becomes an error reply, never a crash.</summary>
internal static class RequestContent
{
    public static string String(JsonObject content, string name) =>
        content[name] is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : throw new ArgumentException($"expected content.{name} to be a string, got {Describe(content[name])}");

    public static int Int(JsonObject content, string name) =>
        content[name] is JsonValue v && v.TryGetValue<int>(out var number)
            ? number
            : throw new ArgumentException($"expected content.{name} to be an integer, got {Describe(content[name])}");

    public static bool Flag(JsonObject content, string name, bool fallback) =>
        content[name] switch
        {
            null => fallback,
            JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
            var other => throw new ArgumentException($"expected content.{name} to be true or false, got {Describe(other)}"),
        };

    private static string Describe(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
