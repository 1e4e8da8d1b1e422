// Full MIME bundles, live display updates, magics, completion types and hover documentation, as jupyter_client sees them.
using System.Text.Json.Nodes;

namespace NbKernel.Tests;

[Collection(JupyterCollection.Name)]
public sealed class RichOutputTests(JupyterHome home)
{
    private JsonObject Rich() => home.Scenario("rich", RepositoryRoot.File("lib"));

    [Fact]
    public void Execute_WhenTheValueIsATensor_SendsItAsPyTorchPrintsItInTextPlain()
    {
        var result = Message(Rich()["tensor"]!, "execute_result");

        Assert.Equal("tensor([1., 2., 3.])", (string?)result["data"]!["text/plain"]);
    }

    [Fact]
    public void Execute_WhenTheValueIsHtmlInPolyglot_AddsTheFormattersPlainTextForConsoles()
    {
        var data = Message(Rich()["number"]!, "execute_result")["data"]!.AsObject();

        Assert.Equal(["text/html", "text/plain"], data.Select(p => p.Key).Order());
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>42</pre></div>", (string?)data["text/html"]);
        Assert.Equal("42", (string?)data["text/plain"]);
    }

    [Fact]
    public void Display_ThenUpdates_SendDisplayDataWithATransientIdThenUpdateDisplayDataWithTheSameId()
    {
        var messages = Rich()["updates"]!["messages"]!.AsArray().Where(m => (string?)m!["type"] is "display_data" or "update_display_data").ToList();

        Assert.Equal(["display_data", "update_display_data", "update_display_data", "update_display_data"], messages.Select(m => (string?)m!["type"]));
        Assert.Equal(["step 0", "step 1", "step 2", "step 3"], messages.Select(m => (string?)m!["content"]!["data"]!["text/plain"]));
        var ids = messages.Select(m => (string?)m!["content"]!["transient"]!["display_id"]).Distinct().ToList();
        Assert.True(Guid.TryParse(Assert.Single(ids), out _), $"expected one GUID display_id, got {string.Join(", ", ids)}");
    }

    [Fact]
    public void Magics_WhosTimeAndAnUnknownOne_WorkInTheKernelAsInTheRunner()
    {
        var seen = Rich();

        var whos = Message(seen["whos"]!, "display_data")["data"]!;
        Assert.StartsWith("<table><thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead><tbody><tr><td>t</td><td>Recurrent.Tensor</td>", (string?)whos["text/html"]);
        Assert.StartsWith("Variable  Type", (string?)whos["text/plain"]);
        Assert.Matches(@"^Wall time: [0-9.]+ms$", (string?)Message(seen["time"]!, "display_data")["data"]!["text/plain"]);
        Assert.Equal("error", (string?)seen["unknown"]!["reply"]!["status"]);
        Assert.Equal("(1,1): error DNI101: Unknown magic command '#!nope'", (string?)seen["unknown"]!["reply"]!["evalue"]);
    }

    [Fact]
    public void Complete_ReportsEachMatchsKindAndSignatureInTheExperimentalTypes()
    {
        var types = Rich()["complete"]!["metadata"]!["_jupyter_types_experimental"]!.AsArray();

        var match = Assert.Single(types)!;
        Assert.Equal("ManualSeed", (string?)match["text"]);
        Assert.Equal("function", (string?)match["type"]);
        Assert.Equal("(method) void Torch.ManualSeed(long seed)", (string?)match["signature"]);
        Assert.Equal((6, 9), ((int)match["start"]!, (int)match["end"]!));
    }

    [Theory]
    [InlineData("inspect_seed", "(method) void Torch.ManualSeed(long seed)\ntorch.manual_seed: reseeds the default generator so later draws repeat PyTorch's exactly.")]
    [InlineData("inspect_forward", "(method) (Tensor Output, Tensor HN) Rnn.Forward(Tensor input, Tensor? h0 = null)\nRuns the sequence; h0 defaults to zeros of shape (D·numLayers, N, H).")]
    public void Inspect_ShowsTheSignatureAndTheSummaryFromRecurrentsDocumentationFile(string request, string expected)
    {
        var reply = Rich()[request]!;

        Assert.True((bool?)reply["found"]);
        Assert.Equal(expected, (string?)reply["data"]!["text/plain"]);
    }

    [Fact]
    public void Inspect_OnATypeName_ShowsTheClassAndItsSummary()
    {
        var text = (string?)Rich()["inspect_rnn"]!["data"]!["text/plain"];

        Assert.StartsWith("(class) Rnn\nAn Elman RNN, as PyTorch's nn.RNN:", text);
    }

    private static JsonNode Message(JsonNode execution, string type) =>
        execution["messages"]!.AsArray().Single(m => (string?)m!["type"] == type)!["content"]!;
}
