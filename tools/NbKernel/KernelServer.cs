// Wires the kernel together: sockets, dispatcher, handlers on one engine session; runs until shutdown.
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NbEngine.Execution;
using NbKernel.Channels;
using NbKernel.Handlers;
using NbKernel.Protocol;
using NetMQ;

namespace NbKernel;

/// <summary>
/// One kernel process serves one notebook: a single <see cref="NotebookSession"/> whose folder is the process's
/// current directory (Jupyter clients start kernels in the notebook's folder). It stops after answering a
/// shutdown request or when the client that started it is gone.
/// </summary>
internal static class KernelServer
{
    public static async Task<int> RunAsync(ConnectionInfo connection)
    {
        // Package restores run `dotnet restore`; MSBuild's reusable nodes would outlive the kernel.
        Environment.SetEnvironmentVariable("MSBUILDDISABLENODEREUSE", "1");
        using var session = new NotebookSession(new SessionOptions { WorkingDirectory = Environment.CurrentDirectory });
        // Started before the sockets, on another core: the compiler's first compilation is the longest step to a first result.
        WarmUp(session);
        var codec = new WireCodec(new MessageSigner(connection.Key));
        Dispatcher? dispatcher = null;
        using var sockets = new KernelSockets(connection, (channel, frames) => dispatcher!.Receive(channel, frames));
        var outbox = new Outbox(sockets, codec, new MessageFactory());
        var input = new InputRequests(outbox);
        var execute = new ExecuteHandler(session, outbox, input);
        dispatcher = new Dispatcher(codec, outbox, input, Handlers(session, execute));
        using var heartbeat = new Heartbeat(connection);
        using var interruptSignal = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            execute.Interrupt();
        });
        dispatcher.Start();
        sockets.Start();
        using var stop = new CancellationTokenSource();
        await Task.WhenAny(dispatcher.ShutdownRequested, ParentWatch.ParentGoneAsync(stop.Token));
        await stop.CancelAsync();
        execute.Interrupt();
        await outbox.FlushAsync().WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }

    private static Dictionary<string, Func<JupyterMessage, Task<JsonObject>>> Handlers(NotebookSession session, ExecuteHandler execute)
    {
        var editor = new EditorRequests(session);
        return new Dictionary<string, Func<JupyterMessage, Task<JsonObject>>>(StringComparer.Ordinal)
        {
            ["kernel_info_request"] = _ => Task.FromResult(KernelInfo.Reply()),
            [Dispatcher.ExecuteRequest] = execute.HandleAsync,
            ["is_complete_request"] = r => Task.FromResult(IsComplete.Reply(r.Content)),
            ["complete_request"] = r => Task.FromResult(editor.Complete(r.Content)),
            ["inspect_request"] = r => Task.FromResult(editor.Inspect(r.Content)),
            ["interrupt_request"] = _ =>
            {
                execute.Interrupt();
                return Task.FromResult(Replies.Ok());
            },
            [Dispatcher.ShutdownRequest] = r => Task.FromResult(Replies.Ok(new JsonObject
            {
                ["restart"] = RequestContent.Flag(r.Content, "restart", false),
            })),
            ["comm_info_request"] = _ => Task.FromResult(CourtesyReplies.CommInfo()),
            ["history_request"] = _ => Task.FromResult(CourtesyReplies.History()),
        };
    }

    /// <summary>Loads and JITs the compiler, the script runner and the formatters in the background, so the first cell does not pay for them.</summary>
    private static void WarmUp(NotebookSession session) => _ = Task.Run(() =>
    {
        try
        {
            session.WarmUp();
        }
        catch (Exception e)
        {
            KernelLog.Write($"warm-up failed (the first cell will compile cold): {e.Message}");
        }
    });
}
