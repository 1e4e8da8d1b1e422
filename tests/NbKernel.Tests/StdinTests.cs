// Console input of a cell through jupyter_client's stdin channel: asked for, refused without allow_stdin, interrupted.
namespace NbKernel.Tests;

[Collection(JupyterCollection.Name)]
public sealed class StdinTests(JupyterHome home)
{
    [Fact]
    public void Execute_WhenCellReadsALineAndStdinIsAllowed_AsksTheClientAndUsesItsReply()
    {
        var allowed = home.Scenario("stdin")["allowed"]!;

        Assert.Equal("input_request", (string?)allowed["request"]!["type"]);
        Assert.Equal("", (string?)allowed["request"]!["content"]!["prompt"]);
        Assert.False((bool)allowed["request"]!["content"]!["password"]!);
        Assert.Equal((string?)allowed["request"]!["execute_id"], (string?)allowed["request"]!["parent_id"]);
        Assert.Equal("ok", (string?)allowed["reply"]!["status"]);
        var stream = allowed["messages"]!.AsArray().Single(m => (string?)m!["type"] == "stream")!["content"]!;
        Assert.Equal("hello Ada\n", (string?)stream["text"]);
    }

    [Fact]
    public void Execute_WhenCellReadsALineAndStdinIsNotAllowed_FailsSayingTheFrontEndTakesNoInput()
    {
        var denied = home.Scenario("stdin")["denied"]!;

        Assert.Equal("error", (string?)denied["status"]);
        Assert.StartsWith(
            "System.InvalidOperationException: Console input was requested, but this front-end does not support input requests (allow_stdin is false).",
            (string?)denied["evalue"]);
    }

    [Fact]
    public void Interrupt_WhileACellWaitsForInput_StopsItWithinFiveSecondsAndKeepsTheEarlierState()
    {
        var seen = home.Scenario("stdin");

        var interrupted = seen["interrupted"]!;
        Assert.True((double)interrupted["seconds"]! < 5, $"the interrupt took {interrupted["seconds"]} s");
        Assert.Equal("error", (string?)interrupted["reply"]!["status"]);
        Assert.Equal("System.OperationCanceledException: The cell was interrupted.", (string?)interrupted["reply"]!["evalue"]);
        Assert.Equal("ok", (string?)seen["after"]!["status"]);
    }
}
