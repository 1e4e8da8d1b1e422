// Judging cells by their tags: raises-exception, ignore-output and skipped cells.
using NbEngine.Execution;
using NbEngine.Notebooks;
using NbEngine.Running;
using NbEngine.Verification;

namespace NbEngine.Tests;

public sealed class CellVerdictTests
{
    [Fact]
    public void Judge_WhenRaisesExceptionCellRunsWithoutOne_FailsSayingSo()
    {
        var verdict = Judge("[\"raises-exception\"]", CellStatus.Ok, []);

        Assert.Equal(CellOutcome.Failed, verdict.Outcome);
        Assert.Equal("t.ipynb, cell 1 (x): expected an exception (tagged raises-exception), but the cell ran without one", verdict.Describe("t.ipynb"));
    }

    [Fact]
    public void Judge_WhenRaisesExceptionCellThrowsAsStored_Passes()
    {
        var verdict = Judge("[\"raises-exception\"]", CellStatus.Failed, [ErrorOutput.FromText("System.Exception: stored")],
            stored: "[{\"ename\": \"Error\", \"evalue\": \"System.Exception: stored\", \"output_type\": \"error\", \"traceback\": []}]");

        Assert.Equal(CellOutcome.Passed, verdict.Outcome);
    }

    [Fact]
    public void Judge_WhenIgnoreOutputCellPrintsSomethingElse_Passes()
    {
        var verdict = Judge("[\"ignore-output\"]", CellStatus.Ok, [new StreamOutput("stdout", "new")]);

        Assert.Equal(CellOutcome.Passed, verdict.Outcome);
    }

    [Fact]
    public void Judge_WhenCellTimedOut_FailsWithTheTimeoutMessage()
    {
        var verdict = Judge("[]", CellStatus.TimedOut, [ErrorOutput.FromText("System.TimeoutException: too long")]);

        Assert.Equal("System.TimeoutException: too long", verdict.Problem);
    }

    [Fact]
    public void Judge_WhenCellWasNotRun_IsSkipped()
    {
        var cell = Notebooks.Parse(Notebooks.WithCells(Notebooks.CodeCell("x", "{\"tags\": [\"skip-execution\"]}"))).Cells[0];

        Assert.Equal(CellOutcome.Skipped, CellVerdict.Judge(new CellRun(cell, null), true, Tolerance.Default, Sanitizers.BuiltIn).Outcome);
    }

    private static CellVerdict Judge(string tags, CellStatus status, IReadOnlyList<CellOutput> outputs, string stored = "[]")
    {
        var cell = Notebooks.Parse(Notebooks.WithCells(Notebooks.CodeCell("x", $"{{\"tags\": {tags}}}", stored))).Cells[0];
        var run = new CellRun(cell, new CellResult(status, outputs, 1, TimeSpan.Zero));
        return CellVerdict.Judge(run, compareOutputs: true, Tolerance.Default, Sanitizers.BuiltIn);
    }
}
