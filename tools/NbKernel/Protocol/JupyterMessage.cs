// One message of the Jupyter protocol: routing identities, the four JSON dictionaries and optional binary buffers.
using System.Text.Json.Nodes;

namespace NbKernel.Protocol;

/// <summary>
/// A decoded message. <see cref="Identities"/> are the ROUTER socket's routing frames (replies go back with
/// them); on iopub the single identity is the topic.
/// </summary>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    public const string ProtocolVersion = "5.3";

    public string MsgType => Header["msg_type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : "";

    public string MsgId => Header["msg_id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : "";
}
