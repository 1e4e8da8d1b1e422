// The kernel driven by jupyter_client (clients/kernel_client.py): each test checks what a real client saw.
using System.Text.Json.Nodes;

namespace NbKernel.Tests;

[Collection(JupyterCollection.Name)]
public sealed class ProtocolClientTests(JupyterHome home)
{
    [Fact]
    public void KernelInfo_WhenAsked_DescribesACSharpKernelOnProtocol53()
    {
        var seen = home.Scenario("info");

        var reply = seen["reply"]!;
        Assert.Equal("ok", (string?)reply["status"]);
        Assert.Equal("5.3", (string?)reply["protocol_version"]);
        Assert.Equal("5.3", (string?)seen["version"]);
        Assert.Equal("csharp", (string?)reply["language_info"]!["name"]);
        Assert.Equal(".cs", (string?)reply["language_info"]!["file_extension"]);
        Assert.Equal("C# (Rnn.Notebooks)", (string?)seen["spec"]!["display_name"]);
        Assert.Equal("message", (string?)seen["spec"]!["interrupt_mode"]);
        Assert.True((bool)seen["beating"]!, "expected the heartbeat channel to answer the client's pings");
    }

    [Fact]
    public void Execute_WhenCellPrintsDisplaysAndEndsInAValue_PublishesStreamDisplayThenResultBetweenBusyAndIdle()
    {
        var seen = home.Scenario("outputs");

        var messages = seen["messages"]!.AsArray();
        Assert.Equal(["status", "execute_input", "stream", "display_data", "execute_result", "status"], messages.Select(m => (string?)m!["type"]));
        Assert.Equal("busy", (string?)messages[0]!["content"]!["execution_state"]);
        Assert.Equal("stdout", (string?)messages[2]!["content"]!["name"]);
        Assert.Equal("hello from C#\n", (string?)messages[2]!["content"]!["text"]);
        Assert.Equal("<b>shown</b>", (string?)messages[3]!["content"]!["data"]!["text/html"]);
        Assert.Contains("<pre>42</pre>", (string?)messages[4]!["content"]!["data"]!["text/html"]);
        Assert.Equal(1, (int?)messages[4]!["content"]!["execution_count"]);
        Assert.Equal("idle", (string?)messages[5]!["content"]!["execution_state"]);
        Assert.Equal("ok", (string?)seen["reply"]!["status"]);
        Assert.Equal(1, (int?)seen["reply"]!["execution_count"]);
    }

    [Fact]
    public void Execute_WhenCellThrows_RepliesErrorAndPublishesTheExceptionAsTraceback()
    {
        var thrown = home.Scenario("errors")["thrown"]!;

        Assert.Equal("error", (string?)thrown["reply"]!["status"]);
        var error = thrown["messages"]!.AsArray().Single(m => (string?)m!["type"] == "error")!["content"]!;
        Assert.Equal("System.InvalidOperationException: boom", (string?)error["traceback"]![0]);
        Assert.StartsWith("System.InvalidOperationException: boom", (string?)error["evalue"]);
    }

    [Fact]
    public void Execute_WhenCellDoesNotCompile_RepliesErrorNamingTheCompilerError()
    {
        var compile = home.Scenario("errors")["compile"]!;

        Assert.Equal("error", (string?)compile["reply"]!["status"]);
        Assert.Contains("CS0029", string.Join("\n", compile["reply"]!["traceback"]!.AsArray().Select(l => (string?)l)));
    }

    [Fact]
    public void Execute_WhenACellFailsWithStopOnError_AbortsTheCellQueuedBehindIt()
    {
        var seen = home.Scenario("stop_on_error");

        Assert.Equal("error", (string?)seen["failing"]!["status"]);
        Assert.Equal("aborted", (string?)seen["queued"]!["status"]);
        Assert.Equal("error", (string?)seen["after"]!["status"]);
        Assert.Contains("CS0103", (string?)seen["after"]!["evalue"]);
    }

    [Fact]
    public void Complete_AfterATypeAndDot_ListsItsStaticMembersFromTheCursor()
    {
        var seen = Editor();

        var matches = Matches(seen["type"]!);
        Assert.Contains("ManualSeed", matches);
        Assert.Contains("Randn", matches);
        Assert.Equal(6, (int?)seen["type"]!["cursor_start"]);
        Assert.Equal(6, (int?)seen["type"]!["cursor_end"]);
        Assert.Equal(["ManualSeed"], Matches(seen["prefix"]!));
        Assert.Equal(6, (int?)seen["prefix"]!["cursor_start"]);
        Assert.Equal(9, (int?)seen["prefix"]!["cursor_end"]);
    }

    [Fact]
    public void Complete_AfterALocalVariableOfAnEarlierCell_ListsItsInstanceMembers()
    {
        var seen = Editor();

        var matches = Matches(seen["local"]!);
        Assert.Contains("Numel", matches);
        Assert.Contains("Shape", matches);
        Assert.DoesNotContain("Zeros", matches);
        Assert.Equal(["Numel"], Matches(seen["middle"]!));
        Assert.Equal("var n = t.".Length, (int?)seen["middle"]!["cursor_start"]);
    }

    [Fact]
    public void Inspect_OnAMethodName_ShowsItsKindAndSignature()
    {
        var inspect = Editor()["inspect"]!;

        Assert.True((bool?)inspect["found"]);
        var text = (string?)inspect["data"]!["text/plain"];
        Assert.StartsWith("(method) void Torch.ManualSeed(long seed)\n", text);
    }

    [Fact]
    public void Interrupt_WhenCellLoopsForever_StopsItWithinFiveSecondsAndKeepsTheEarlierState()
    {
        var seen = home.Scenario("interrupt");

        Assert.True((double)seen["seconds"]! < 5, $"the interrupt took {seen["seconds"]} s");
        Assert.Equal("error", (string?)seen["reply"]!["status"]);
        Assert.Contains("interrupted", (string?)seen["reply"]!["evalue"]);
        var after = seen["after"]!;
        Assert.Equal("ok", (string?)after["reply"]!["status"]);
        Assert.Contains("<pre>5</pre>", (string?)after["messages"]!.AsArray().Single(m => (string?)m!["type"] == "execute_result")!["content"]!["data"]!["text/html"]);
    }

    [Fact]
    public void IsComplete_WhenABlockOrCallIsOpen_SaysIncompleteAndIndentsTheBlock()
    {
        var seen = home.Scenario("is_complete");

        Assert.Equal("incomplete", (string?)seen["open"]!["status"]);
        Assert.Equal("    ", (string?)seen["open"]!["indent"]);
        Assert.Equal("incomplete", (string?)seen["call"]!["status"]);
        Assert.Equal("complete", (string?)seen["done"]!["status"]);
    }

    [Fact]
    public void Restart_WhenRequested_EndsTheOldProcessAndStartsAFreshSession()
    {
        var seen = home.Scenario("restart");

        Assert.NotEqual((int)seen["old_pid"]!, (int)seen["new_pid"]!);
        Assert.Equal(0, (int?)seen["old_returncode"]);
        Assert.False(KernelProcesses.IsRunning((int)seen["old_pid"]!));
        Assert.Equal("error", (string?)seen["forgotten"]!["status"]);
        Assert.Contains("CS0103", (string?)seen["forgotten"]!["evalue"]);
        Assert.Equal("ok", (string?)seen["fresh"]!["reply"]!["status"]);
    }

    [Fact]
    public void Shutdown_WhenRequested_ExitsWithZeroBeforeTheClientWouldSignalIt()
    {
        var seen = home.Scenario("shutdown");

        Assert.Equal(0, (int?)seen["returncode"]);
        // jupyter_client sends SIGTERM when a kernel has not exited half of shutdown_wait_time (5 s) after the request.
        Assert.True((double)seen["seconds"]! < 2.5, $"shutdown took {seen["seconds"]} s");
        Assert.False((bool)seen["alive"]!);
        Assert.False(KernelProcesses.IsRunning((int)seen["pid"]!));
    }

    [Fact]
    public void Client_WhenKilledWithoutShuttingTheKernelDown_LeavesNoKernelRunning()
    {
        var resultFile = Path.Combine(home.Root, "abandon.json");

        // Run checks that no process of this set-up outlives the client (the kernel gets three seconds to notice).
        var run = home.Run(JupyterHome.Python, [JupyterHome.ClientScript, "abandon", resultFile, resultFile]);

        Assert.Equal(128 + 9, run.ExitCode);
        Assert.False(KernelProcesses.IsRunning((int)JsonNode.Parse(File.ReadAllText(resultFile))!["kernel_pid"]!));
    }

    [Fact]
    public void Message_WithABadSignature_IsLoggedAndNeverExecuted()
    {
        var marker = Path.Combine(home.Root, "forged-request-ran");

        var seen = home.Scenario("bad_signature", marker);

        Assert.Null(seen["answer"]);
        Assert.Empty(seen["iopub"]!.AsArray());
        Assert.False((bool)seen["ran"]!);
        Assert.False(File.Exists(marker));
        Assert.Contains("with a bad signature", (string?)seen["kernel_log"]);
        Assert.Equal("ok", (string?)seen["after"]!["status"]);
    }

    [Fact]
    public void Message_ThatIsMalformedOrOfUnknownType_GetsAnErrorReplyAndTheKernelKeepsServing()
    {
        var seen = home.Scenario("malformed");

        Assert.Equal("execute_reply", (string?)seen["bad_json"]!["type"]);
        Assert.Equal("error", (string?)seen["bad_json"]!["content"]!["status"]);
        Assert.StartsWith("expected the content frame to be JSON, got '{not json'", (string?)seen["bad_json"]!["content"]!["evalue"]);
        Assert.Equal("expected content.code to be a string, got 5", (string?)seen["wrong_type"]!["content"]!["evalue"]);
        Assert.Equal("frobnicate_reply", (string?)seen["unknown"]!["type"]);
        Assert.Equal("error", (string?)seen["unknown"]!["content"]!["status"]);
        Assert.EndsWith("got frobnicate_request", (string?)seen["unknown"]!["content"]!["evalue"]);
        Assert.Contains("expected a <IDS|MSG> delimiter frame, got 3 frames without one", (string?)seen["kernel_log"]);
        Assert.Equal("ok", (string?)seen["after"]!["status"]);
        Assert.True((bool)seen["alive"]!);
    }

    private JsonObject Editor() => home.Scenario("editor", RepositoryRoot.File("lib", "Recurrent", "bin", "Release", "net8.0", "Recurrent.dll"));

    private static List<string?> Matches(JsonNode reply) => reply["matches"]!.AsArray().Select(m => (string?)m).ToList();
}
