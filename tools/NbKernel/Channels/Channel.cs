// The kernel's message channels (the heartbeat echoes raw frames and is not one of them).
namespace NbKernel.Channels;

internal enum Channel
{
    /// <summary>Requests from clients: execute, complete, inspect, kernel_info, …</summary>
    Shell,

    /// <summary>Like shell, but served even while a cell runs: interrupt, shutdown.</summary>
    Control,

    /// <summary>The kernel's own requests for input to the client.</summary>
    Stdin,

    /// <summary>Broadcasts to every client: status, execute_input, outputs.</summary>
    IOPub,
}
