// Signs and queues outgoing messages: replies on the channel a request came from, broadcasts on iopub.
using System.Text.Json.Nodes;
using NbKernel.Protocol;

namespace NbKernel.Channels;

internal sealed class Outbox(KernelSockets sockets, WireCodec codec, MessageFactory factory)
{
    public void Reply(Channel channel, JupyterMessage request, string msgType, JsonObject content) =>
        sockets.Send(channel, codec.Encode(factory.Reply(request, msgType, content)));

    /// <summary>Answers a request whose header could be read although the rest of it could not.</summary>
    public void Reply(Channel channel, IReadOnlyList<byte[]> identities, JsonObject header, string msgType, JsonObject content) =>
        sockets.Send(channel, codec.Encode(factory.Reply(identities, header, msgType, content)));

    public void Publish(JupyterMessage? parent, string msgType, JsonObject content) =>
        sockets.Send(Channel.IOPub, codec.Encode(factory.Broadcast(parent, msgType, content)));

    public void PublishStatus(JupyterMessage? parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    public Task FlushAsync() => sockets.FlushAsync();
}
