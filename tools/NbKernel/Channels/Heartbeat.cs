// The heartbeat channel: a REP socket that echoes every message at once, on a thread of its own.
using NbKernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace NbKernel.Channels;

/// <summary>Clients ping it to see that the kernel process is alive; it never waits for cell code.</summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly ResponseSocket _socket = new();
    private readonly NetMQPoller _poller;

    public Heartbeat(ConnectionInfo connection)
    {
        _socket.Options.Linger = TimeSpan.Zero;
        _socket.Bind(connection.Address(connection.HeartbeatPort));
        _socket.ReceiveReady += (_, e) =>
        {
            var frames = e.Socket.ReceiveMultipartBytes();
            e.Socket.SendMultipartBytes(frames);
        };
        _poller = [_socket];
        _poller.RunAsync("jupyter heartbeat");
    }

    public void Dispose()
    {
        _poller.Stop();
        _poller.Dispose();
        _socket.Dispose();
    }
}
