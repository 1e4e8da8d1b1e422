// silent and store_history as jupyter_client sends them: what is broadcast and which execution count cells get.
namespace NbKernel.Tests;

[Collection(JupyterCollection.Name)]
public sealed class SilentExecutionTests(JupyterHome home)
{
    [Fact]
    public void Execute_WhenSilent_BroadcastsOnlyBusyAndIdleAndRepliesOkWithTheCountUnchanged()
    {
        var seen = home.Scenario("silent");

        var quiet = seen["quiet"]!;
        Assert.Equal(["status", "status"], quiet["messages"]!.AsArray().Select(m => (string?)m!["type"]));
        Assert.Equal("ok", (string?)quiet["reply"]!["status"]);
        Assert.Equal(1, (int?)seen["first"]!["execution_count"]);
        Assert.Equal(1, (int?)quiet["reply"]!["execution_count"]);
    }

    [Fact]
    public void Execute_WhenHistoryIsNotStored_ShowsTheResultWithTheCurrentCountWithoutAdvancingIt()
    {
        var unstored = home.Scenario("silent")["unstored"]!;

        var messages = unstored["messages"]!.AsArray();
        Assert.Equal(["status", "execute_input", "execute_result", "status"], messages.Select(m => (string?)m!["type"]));
        Assert.Equal(1, (int?)messages[1]!["content"]!["execution_count"]);
        Assert.Equal(1, (int?)messages[2]!["content"]!["execution_count"]);
        Assert.Contains("<pre>3</pre>", (string?)messages[2]!["content"]!["data"]!["text/html"]);
        Assert.Equal(1, (int?)unstored["reply"]!["execution_count"]);
    }

    [Fact]
    public void Execute_AfterSilentAndUnstoredCells_GetsTheCountItWouldHaveHadWithoutThem()
    {
        var after = home.Scenario("silent")["after"]!;

        Assert.Equal(2, (int?)after["reply"]!["execution_count"]);
        var result = after["messages"]!.AsArray().Single(m => (string?)m!["type"] == "execute_result")!["content"]!;
        Assert.Equal(2, (int?)result["execution_count"]);
        Assert.Contains("<pre>2</pre>", (string?)result["data"]!["text/html"]);
    }
}
