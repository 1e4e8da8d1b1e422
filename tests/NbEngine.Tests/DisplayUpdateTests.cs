// display(…) returns a handle whose Update replaces that output in place; live front-ends see every step, notebooks the last.
using NbEngine.Execution;
using NbEngine.Notebooks;

namespace NbEngine.Tests;

public sealed class DisplayUpdateTests
{
    [Fact]
    public async Task Update_WhileTheCellRuns_ReplacesTheDisplayInPlaceSoTheStoredOutputIsTheLastValue()
    {
        using var session = Sessions.New();
        var live = new List<CellOutput>();

        var result = await session.ExecuteAsync(
            "Console.WriteLine(\"training\");\nvar shown = display(\"step 0\");\nfor (var step = 1; step <= 3; step++) { shown.Update($\"step {step}\"); }\nConsole.WriteLine(\"done\");",
            onOutput: live.Add);

        Assert.Equal(["stdout:training\n", "text/plain=step 3", "stdout:done\n"], result.Outputs.Select(Describe));
        Assert.Equal(["stdout:training\n", "text/plain=step 0", "update:text/plain=step 1", "update:text/plain=step 2", "update:text/plain=step 3", "stdout:done\n"],
            live.Select(Describe));
        var ids = live.Select(o => o switch { DisplayOutput d => d.DisplayId, DisplayUpdate u => u.Display.DisplayId, _ => null }).OfType<string>().Distinct();
        Assert.True(Guid.TryParse(Assert.Single(ids), out _));
    }

    [Fact]
    public async Task Update_FromALaterCell_LeavesBothCellsStoredOutputsAsTheyWereAndStillReachesLiveFrontEnds()
    {
        using var session = Sessions.New();
        var first = await session.ExecuteAsync("var shown = display(1 + 1);");
        var live = new List<CellOutput>();

        var second = await session.ExecuteAsync("shown.Update(\"later\");\nshown.Value", onOutput: live.Add);

        Assert.Contains("<pre>2</pre>", first.Outputs[0].Text());
        Assert.Equal(["text/plain=later"], second.Outputs.Select(Describe));
        var update = Assert.IsType<DisplayUpdate>(live[0]);
        Assert.Equal(((DisplayOutput)first.Outputs[0]).DisplayId, update.Display.DisplayId);
    }

    [Fact]
    public async Task Display_OfAValueKeptAsTheCellsLastExpression_IsShownOnce()
    {
        var result = (await Sessions.RunAll("display(\"once\")"))[0];

        Assert.Equal(["text/plain=once"], result.Outputs.Select(Describe));
    }

    private static string Describe(CellOutput output) => output switch
    {
        StreamOutput s => $"{s.Name}:{s.Text}",
        DisplayUpdate u => $"update:{u.Display.Text()}",
        _ => output.Text(),
    };
}
