// Turns ZeroMQ multipart frames into messages and back: identities, <IDS|MSG>, signature, four JSON parts, buffers.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NbKernel.Protocol;

/// <summary>
/// The wire format of the Jupyter messaging protocol. The signature is checked over the raw JSON bytes before
/// anything is parsed, so an unsigned or forged message is never interpreted.
/// </summary>
internal sealed class WireCodec(MessageSigner signer)
{
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public IReadOnlyList<byte[]> Encode(JupyterMessage message)
    {
        byte[][] parts = [Json(message.Header), Json(message.ParentHeader), Json(message.Metadata), Json(message.Content)];
        return [.. message.Identities, Delimiter, signer.Sign(parts), .. parts, .. message.Buffers];
    }

    /// <exception cref="MalformedMessageException">the frames are not a well-formed, correctly signed message</exception>
    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        var delimiter = IndexOfDelimiter(frames);
        if (delimiter < 0)
        {
            throw new MalformedMessageException($"expected a <IDS|MSG> delimiter frame, got {frames.Count} frames without one");
        }
        var identities = frames.Take(delimiter).ToList();
        if (frames.Count - delimiter - 1 < 5)
        {
            throw new MalformedMessageException(
                $"expected a signature and header, parent_header, metadata and content frames after <IDS|MSG>, got {frames.Count - delimiter - 1} frames",
                identities: identities);
        }
        var signature = frames[delimiter + 1];
        var parts = frames.Skip(delimiter + 2).Take(4).ToList();
        if (!signer.Verify(signature, parts))
        {
            throw new MalformedMessageException(
                $"expected an HMAC-SHA256 signature made with the connection key, got '{Truncated(signature)}'", badSignature: true);
        }
        var header = Object(parts[0], "header", identities, null);
        return new JupyterMessage(identities, header,
            Object(parts[1], "parent_header", identities, header), Object(parts[2], "metadata", identities, header),
            Object(parts[3], "content", identities, header), frames.Skip(delimiter + 6).ToList());
    }

    private static int IndexOfDelimiter(IReadOnlyList<byte[]> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject Object(byte[] frame, string part, IReadOnlyList<byte[]> identities, JsonObject? header)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new MalformedMessageException(
                $"expected the {part} frame to be a JSON object, got '{Truncated(frame)}'", identities: identities, header: header);
        }
        catch (JsonException e)
        {
            throw new MalformedMessageException(
                $"expected the {part} frame to be JSON, got '{Truncated(frame)}' ({e.Message})", identities: identities, header: header);
        }
    }

    private static byte[] Json(JsonObject part) => Encoding.UTF8.GetBytes(part.ToJsonString());

    private static string Truncated(byte[] frame)
    {
        var text = Encoding.UTF8.GetString(frame, 0, Math.Min(frame.Length, 80));
        return frame.Length > 80 ? text + "…" : text;
    }
}
