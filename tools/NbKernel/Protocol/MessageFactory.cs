// Builds outgoing messages: a fresh header (msg_id, session, date, msg_type, version 5.3) and the parent's header.
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NbKernel.Protocol;

/// <summary>Creates replies (routed back to the requester) and iopub broadcasts (topic = message type).</summary>
internal sealed class MessageFactory
{
    private readonly string _session = Guid.NewGuid().ToString();

    public JupyterMessage Reply(JupyterMessage parent, string msgType, JsonObject content) =>
        new(parent.Identities, Header(msgType), Copy(parent.Header), [], content, []);

    /// <summary>A reply to a request whose header was readable but whose body was not.</summary>
    public JupyterMessage Reply(IReadOnlyList<byte[]> identities, JsonObject parentHeader, string msgType, JsonObject content) =>
        new(identities, Header(msgType), Copy(parentHeader), [], content, []);

    public JupyterMessage Broadcast(JupyterMessage? parent, string msgType, JsonObject content) =>
        new([Encoding.UTF8.GetBytes(msgType)], Header(msgType), parent is null ? [] : Copy(parent.Header), [], content, []);

    private JsonObject Header(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(),
        ["session"] = _session,
        ["username"] = "kernel",
        // jupyter_client parses dates with at most six fractional digits.
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = JupyterMessage.ProtocolVersion,
    };

    private static JsonObject Copy(JsonObject header) => (JsonObject)header.DeepClone();
}
