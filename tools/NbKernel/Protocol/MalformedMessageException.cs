// A message that cannot be decoded: no delimiter, missing frames, bad signature or JSON that is not an object.
namespace NbKernel.Protocol;

/// <summary>
/// Raised by <see cref="WireCodec.Decode"/>. <see cref="Header"/> and <see cref="Identities"/> are set when the
/// header could still be read, so the kernel can answer the request with an error reply.
/// </summary>
internal sealed class MalformedMessageException(
    string message, bool badSignature = false, IReadOnlyList<byte[]>? identities = null,
    System.Text.Json.Nodes.JsonObject? header = null) : Exception(message)
{
    public bool BadSignature { get; } = badSignature;

    public IReadOnlyList<byte[]> Identities { get; } = identities ?? [];

    public System.Text.Json.Nodes.JsonObject? Header { get; } = header;
}
