// The ZeroMQ sockets of the four message channels, served by one poller thread that does all receiving and sending.
using NbKernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace NbKernel.Channels;

/// <summary>
/// NetMQ sockets are not thread-safe, so every send is queued to the poller thread, which also receives. Received
/// frames go to <c>received</c> on that thread, which must return quickly (the dispatcher only queues them).
/// </summary>
internal sealed class KernelSockets : IDisposable
{
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(2);

    private readonly Dictionary<Channel, NetMQSocket> _sockets;
    private readonly NetMQQueue<Outgoing> _outgoing = new();
    private readonly NetMQPoller _poller;

    public KernelSockets(ConnectionInfo connection, Action<Channel, IReadOnlyList<byte[]>> received)
    {
        _sockets = new Dictionary<Channel, NetMQSocket>
        {
            [Channel.Shell] = new RouterSocket(),
            [Channel.Control] = new RouterSocket(),
            [Channel.Stdin] = new RouterSocket(),
            [Channel.IOPub] = new PublisherSocket(),
        };
        _poller = [_outgoing];
        foreach (var (channel, socket) in _sockets)
        {
            socket.Options.Linger = Linger;
            socket.Bind(connection.Address(channel switch
            {
                Channel.Shell => connection.ShellPort,
                Channel.Control => connection.ControlPort,
                Channel.Stdin => connection.StdinPort,
                _ => connection.IOPubPort,
            }));
            if (channel != Channel.IOPub)
            {
                socket.ReceiveReady += (_, e) => ReceiveAll(channel, e.Socket, received);
                _poller.Add(socket);
            }
        }
        _outgoing.ReceiveReady += (_, e) => SendQueued(e.Queue);
    }

    public void Start() => _poller.RunAsync("jupyter sockets");

    /// <summary>Queues frames for sending on <paramref name="channel"/>; safe from any thread.</summary>
    public void Send(Channel channel, IReadOnlyList<byte[]> frames) => _outgoing.Enqueue(new Outgoing(channel, frames, null));

    /// <summary>Completes once everything queued before it has been handed to ZeroMQ.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing.Enqueue(new Outgoing(Channel.IOPub, [], flushed));
        return flushed.Task;
    }

    public void Dispose()
    {
        _poller.Stop();
        _poller.Dispose();
        foreach (var socket in _sockets.Values)
        {
            socket.Dispose();
        }
        _outgoing.Dispose();
    }

    private static void ReceiveAll(Channel channel, NetMQSocket socket, Action<Channel, IReadOnlyList<byte[]>> received)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames))
        {
            received(channel, frames);
            frames = [];
        }
    }

    private void SendQueued(NetMQQueue<Outgoing> queue)
    {
        while (queue.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.Flushed is { } flushed)
            {
                flushed.SetResult();
                continue;
            }
            var message = new NetMQMessage(item.Frames);
            // A client that went away must not block the kernel: a full queue drops the message, as ZeroMQ's PUB does.
            if (!_sockets[item.Channel].TrySendMultipartMessage(TimeSpan.FromMilliseconds(100), message))
            {
                KernelLog.Write($"dropped a {item.Channel} message: its peer did not take it within 100 ms");
            }
        }
    }

    private sealed record Outgoing(Channel Channel, IReadOnlyList<byte[]> Frames, TaskCompletionSource? Flushed);
}
