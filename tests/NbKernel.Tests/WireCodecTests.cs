// The wire format in process: HMAC-SHA256 signatures as Jupyter computes them, and what a bad message is told.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NbKernel.Protocol;

namespace NbKernel.Tests;

public sealed class WireCodecTests
{
    private const string Key = "5f0c1e9a-connection-key";
    private readonly WireCodec _codec = new(new MessageSigner(Key));

    [Fact]
    public void Encode_SignsTheFourJsonPartsWithHmacSha256OfTheKey()
    {
        var message = new MessageFactory().Broadcast(null, "status", new JsonObject { ["execution_state"] = "idle" });

        var frames = _codec.Encode(message);

        Assert.Equal("status", Encoding.UTF8.GetString(frames[0]));
        Assert.Equal("<IDS|MSG>", Encoding.UTF8.GetString(frames[1]));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), frames.Skip(3).Take(4).SelectMany(f => f).ToArray()));
        Assert.Equal(expected, Encoding.ASCII.GetString(frames[2]));
        Assert.Equal("idle", (string?)_codec.Decode(frames).Content["execution_state"]);
    }

    [Fact]
    public void Decode_WhenTheContentWasChangedAfterSigning_RejectsItAsBadSignature()
    {
        var frames = _codec.Encode(new MessageFactory().Broadcast(null, "execute_request", new JsonObject { ["code"] = "1" })).ToList();
        frames[^1] = Encoding.UTF8.GetBytes("""{"code": "System.IO.File.Delete(\"x\")"}""");

        var error = Assert.Throws<MalformedMessageException>(() => _codec.Decode(frames));

        Assert.True(error.BadSignature);
        Assert.StartsWith("expected an HMAC-SHA256 signature made with the connection key, got '", error.Message);
    }

    [Fact]
    public void Decode_WhenOnlyTheContentIsNotJson_KeepsTheHeaderAndIdentitiesForAnErrorReply()
    {
        var header = Encoding.UTF8.GetBytes("""{"msg_id": "1", "msg_type": "execute_request"}""");
        byte[][] parts = [header, "{}"u8.ToArray(), "{}"u8.ToArray(), "{not json"u8.ToArray()];
        var frames = new[] { "client"u8.ToArray(), WireCodec.Delimiter, new MessageSigner(Key).Sign(parts) }.Concat(parts).ToList();

        var error = Assert.Throws<MalformedMessageException>(() => _codec.Decode(frames));

        Assert.False(error.BadSignature);
        Assert.Equal("execute_request", (string?)error.Header!["msg_type"]);
        Assert.Equal("client", Encoding.UTF8.GetString(error.Identities.Single()));
        Assert.StartsWith("expected the content frame to be JSON, got '{not json'", error.Message);
    }
}
