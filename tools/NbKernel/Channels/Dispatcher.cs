// Decodes incoming frames and runs each request's handler in order per channel, wrapped in busy / idle status.
using System.Text.Json.Nodes;
using NbKernel.Handlers;
using NbKernel.Protocol;
using Queue = System.Threading.Channels.Channel<(NbKernel.Channels.Channel, NbKernel.Protocol.JupyterMessage)>;

namespace NbKernel.Channels;

/// <summary>
/// Shell and control requests are served by one worker each, so an interrupt or shutdown on control is handled
/// while a cell runs on shell. A message type the kernel does not know, or a request that cannot be read past its
/// header, gets an error reply; a message with a bad signature, or without a readable header, is logged and dropped.
/// A failed cell aborts the cells queued behind it. Nothing a client sends can stop the workers. Messages on stdin
/// answer the kernel's own input requests and go to <paramref name="input"/> at once, since a cell waits for them.
/// </summary>
internal sealed class Dispatcher(
    WireCodec codec, Outbox outbox, InputRequests input, IReadOnlyDictionary<string, Func<JupyterMessage, Task<JsonObject>>> handlers)
{
    public const string ShutdownRequest = "shutdown_request";
    public const string ExecuteRequest = "execute_request";

    private readonly Queue _shell = System.Threading.Channels.Channel.CreateUnbounded<(Channel, JupyterMessage)>();
    private readonly Queue _control = System.Threading.Channels.Channel.CreateUnbounded<(Channel, JupyterMessage)>();
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a shutdown request has been answered.</summary>
    public Task ShutdownRequested => _shutdown.Task;

    /// <summary>Starts the workers that serve queued requests.</summary>
    public void Start()
    {
        _ = Task.Run(() => WorkAsync(_shell));
        _ = Task.Run(() => WorkAsync(_control));
    }

    /// <summary>Called on the socket thread for every multipart message; only decodes and queues.</summary>
    public void Receive(Channel channel, IReadOnlyList<byte[]> frames)
    {
        JupyterMessage message;
        try
        {
            message = codec.Decode(frames);
        }
        catch (MalformedMessageException e)
        {
            Reject(channel, e);
            return;
        }
        if (channel == Channel.Stdin)
        {
            input.Receive(message);
            return;
        }
        (channel == Channel.Control ? _control : _shell).Writer.TryWrite((channel, message));
    }

    private async Task WorkAsync(Queue queue)
    {
        await foreach (var (channel, request) in queue.Reader.ReadAllAsync())
        {
            foreach (var (queuedChannel, queued) in await ServeAsync(channel, request, queue, abort: false))
            {
                await ServeAsync(queuedChannel, queued, queue: null, abort: queued.MsgType == ExecuteRequest);
            }
        }
    }

    /// <summary>
    /// Answers one request. A cell that fails and asks to stop on error (the protocol's default) also takes what is
    /// queued behind it off <paramref name="queue"/> before its reply goes out, and returns it: those cells (a
    /// front-end's "run all") are then answered "aborted" without running, as ipykernel does, and other requests
    /// are served as usual. What a client sends after seeing the failure is never among them.
    /// </summary>
    private async Task<IReadOnlyList<(Channel, JupyterMessage)>> ServeAsync(Channel channel, JupyterMessage request, Queue? queue, bool abort)
    {
        try
        {
            return await HandleAsync(channel, request, queue, abort);
        }
        catch (Exception e)
        {
            KernelLog.Write($"failed to answer {request.MsgType}: {e}");
            return [];
        }
    }

    private async Task<IReadOnlyList<(Channel, JupyterMessage)>> HandleAsync(Channel channel, JupyterMessage request, Queue? queue, bool abort)
    {
        var type = request.MsgType;
        if (!handlers.TryGetValue(type, out var handler) && !ExpectsReply(type))
        {
            KernelLog.Write($"ignored a {(type.Length == 0 ? "message without msg_type" : type)} message on {channel}: it expects no reply");
            return [];
        }
        outbox.PublishStatus(request, "busy");
        JsonObject content;
        try
        {
            content = abort ? new JsonObject { ["status"] = "aborted" }
                : handler is null ? Replies.Error("UnknownMessageType", $"expected one of {string.Join(", ", handlers.Keys.Order())}, got {type}")
                : await handler(request);
        }
        catch (Exception e)
        {
            KernelLog.Write($"{type} failed: {(e is ArgumentException ? e.Message : e.ToString())}");
            content = Replies.Error(e.GetType().Name, e.Message);
        }
        var queuedBehind = queue is not null && IsError(content) && StopsOnError(request) ? TakeAll(queue) : [];
        outbox.Reply(channel, request, Replies.TypeFor(type), content);
        outbox.PublishStatus(request, "idle");
        if (type == ShutdownRequest)
        {
            _shutdown.TrySetResult();
        }
        return queuedBehind;
    }

    private static bool IsError(JsonObject content) =>
        content["status"] is JsonValue status && status.TryGetValue<string>(out var text) && text == "error";

    private static List<(Channel, JupyterMessage)> TakeAll(Queue queue)
    {
        var taken = new List<(Channel, JupyterMessage)>();
        while (queue.Reader.TryRead(out var queued))
        {
            taken.Add(queued);
        }
        return taken;
    }

    /// <summary>An execute request whose stop_on_error is true or left out (the protocol's default).</summary>
    private static bool StopsOnError(JupyterMessage request) =>
        request.MsgType == ExecuteRequest
        && (request.Content["stop_on_error"] is not JsonValue flag || !flag.TryGetValue<bool>(out var stop) || stop);

    /// <summary>
    /// Every message type but the one-way comm messages (which this kernel opens none of) gets a reply, so a client
    /// sending a type the kernel does not know hears an error instead of waiting forever.
    /// </summary>
    private static bool ExpectsReply(string type) =>
        type == "comm_info_request" || (type.Length > 0 && !type.StartsWith("comm_", StringComparison.Ordinal));

    private void Reject(Channel channel, MalformedMessageException e)
    {
        if (e.BadSignature)
        {
            KernelLog.Write($"ignored a message on {channel} with a bad signature: {e.Message}");
            return;
        }
        KernelLog.Write($"ignored a malformed message on {channel}: {e.Message}");
        if (e.Header?["msg_type"] is JsonValue v && v.TryGetValue<string>(out var type) && ExpectsReply(type) && channel != Channel.Stdin)
        {
            outbox.Reply(channel, e.Identities, e.Header, Replies.TypeFor(type), Replies.Error("MalformedMessage", e.Message));
        }
    }
}
