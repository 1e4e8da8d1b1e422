// execute_request: runs the code as the next cell of the engine's session and publishes its outputs as they come.
using System.Text.Json.Nodes;
using NbEngine.Execution;
using NbEngine.Formatting;
using NbEngine.Notebooks;
using NbKernel.Channels;
using NbKernel.Protocol;

namespace NbKernel.Handlers;

/// <summary>
/// One cell at a time (the shell worker is sequential). <see cref="Interrupt"/>, called from the control
/// channel, cancels the running cell through the engine's cancellation; the cell fails with an error output
/// and the session keeps the state it had before. <c>silent</c> publishes nothing and, like <c>store_history: false</c>,
/// leaves the execution count as it was; the cell's console input comes from <see cref="InputRequests"/>. Before
/// the session's first chart goes out, so does plotly.js (<see cref="PlotlyScript.LoaderOutput()"/>).
/// </summary>
internal sealed class ExecuteHandler(NotebookSession session, Outbox outbox, InputRequests input)
{
    private volatile CancellationTokenSource? _running;
    private bool _plotlySent;

    public async Task<JsonObject> HandleAsync(JupyterMessage request)
    {
        var code = RequestContent.String(request.Content, "code");
        var silent = RequestContent.Flag(request.Content, "silent", false);
        var options = new CellOptions { StoreHistory = !silent && RequestContent.Flag(request.Content, "store_history", true) };
        var count = session.NextExecutionCount(options);
        if (!silent)
        {
            outbox.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });
        }
        using var interrupt = new CancellationTokenSource();
        CellResult result;
        using (var outputs = new OutputPublisher(output => Publish(request, output, count, silent)))
        {
            // What the cell wrote before asking, a prompt for instance, is shown before the client asks the user.
            options = options with { ReadLine = input.ReaderFor(request, outputs.Flush) };
            _running = interrupt;
            try
            {
                result = await session.ExecuteAsync(
                    code, CellLanguage.Detect(code, null, CellLanguage.CSharp), outputs.Add, options, interrupt.Token);
            }
            finally
            {
                _running = null;
            }
        }
        if (result.Succeeded)
        {
            return Replies.Ok(new JsonObject
            {
                ["execution_count"] = result.ExecutionCount,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
        }
        var error = result.Outputs.OfType<ErrorOutput>().LastOrDefault() ?? ErrorOutput.FromText(result.Status.ToString());
        var content = OutputMessages.ErrorContent(error);
        content["status"] = "error";
        content["execution_count"] = result.ExecutionCount;
        return content;
    }

    /// <summary>Stops the running cell, if any; safe to call from any thread.</summary>
    public void Interrupt()
    {
        try
        {
            _running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell finished while the interrupt arrived.
        }
    }

    private void Publish(JupyterMessage request, CellOutput output, int count, bool silent)
    {
        if (silent)
        {
            return;
        }
        if (!_plotlySent && (output as DisplayOutput ?? (output as DisplayUpdate)?.Display)?.Bundle.ContainsKey(PlotlyFigure.MimeType) == true
            && PlotlyScript.LoaderOutput() is { } loader)
        {
            // plotly.js once per session, before the first chart, so the HTML form of every chart draws without a network.
            Publish(request, loader, count, silent);
            _plotlySent = true;
        }
        var (type, content) = OutputMessages.Of(output, count);
        outbox.Publish(request, type, content);
    }
}
