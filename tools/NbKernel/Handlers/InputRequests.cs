// The stdin channel: asks the client that sent a cell for a line of input and waits for its input_reply.
using System.Text.Json.Nodes;
using NbKernel.Channels;
using NbKernel.Protocol;

namespace NbKernel.Handlers;

/// <summary>
/// As ipykernel does: an <c>input_request</c> goes on the stdin socket to the identity of the execute_request's
/// client, with that request as its parent, and the next <c>input_reply</c> on stdin answers it. One cell runs
/// at a time, so at most one request waits; a reply nobody waits for (for instance, to an interrupted request) is
/// logged and dropped.
/// </summary>
internal sealed class InputRequests(Outbox outbox)
{
    private readonly object _gate = new();
    private TaskCompletionSource<string>? _waiting;

    /// <summary>
    /// The reader a cell of <paramref name="executeRequest"/> gets for its console input: the client's replies if
    /// the request allows stdin, else an error saying it does not.
    /// </summary>
    public Func<CancellationToken, string?> ReaderFor(JupyterMessage executeRequest, Action beforeAsking) =>
        RequestContent.Flag(executeRequest.Content, "allow_stdin", false)
            ? token =>
            {
                beforeAsking();
                return Ask(executeRequest, token);
            }
            : _ => throw new InvalidOperationException(
                "Console input was requested, but this front-end does not support input requests (allow_stdin is false).");

    /// <summary>Called on the socket thread for every message the stdin channel receives.</summary>
    public void Receive(JupyterMessage message)
    {
        if (message.MsgType != "input_reply")
        {
            KernelLog.Write($"ignored {message.MsgType} on stdin: expected only input_reply there");
            return;
        }
        TaskCompletionSource<string>? waiting;
        lock (_gate)
        {
            waiting = _waiting;
            _waiting = null;
        }
        if (waiting is null)
        {
            KernelLog.Write("ignored an input_reply: no input request was waiting for one");
            return;
        }
        try
        {
            waiting.SetResult(RequestContent.String(message.Content, "value"));
        }
        catch (ArgumentException e)
        {
            waiting.SetException(new InvalidDataException($"the client's input_reply was malformed: {e.Message}"));
        }
    }

    private string Ask(JupyterMessage executeRequest, CancellationToken token)
    {
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting = reply;
        }
        try
        {
            outbox.Reply(Channel.Stdin, executeRequest, "input_request", new JsonObject { ["prompt"] = "", ["password"] = false });
            return reply.Task.WaitAsync(token).GetAwaiter().GetResult();
        }
        finally
        {
            lock (_gate)
            {
                if (_waiting == reply)
                {
                    _waiting = null;
                }
            }
        }
    }
}
