// The execution count: every cell advances it by default, a cell run without storing history leaves it as it was.
using NbEngine.Execution;

namespace NbEngine.Tests;

public sealed class ExecutionCountTests
{
    [Fact]
    public async Task Execute_WhenACellDoesNotStoreHistory_KeepsTheCountAndTheNextCellGetsTheOneItWouldHaveHad()
    {
        using var session = Sessions.New();
        var first = await session.ExecuteAsync("var x = 1;");

        var unstored = await session.ExecuteAsync("x = 2;", options: new CellOptions { StoreHistory = false });
        var next = await session.ExecuteAsync("x");

        Assert.Equal([1, 1, 2], new[] { first, unstored, next }.Select(r => r.ExecutionCount));
        Assert.Equal(CellStatus.Ok, unstored.Status);
        Assert.Contains("<pre>2</pre>", next.Outputs.Single().Text());
        Assert.Equal(2, session.ExecutionCount);
    }

    [Fact]
    public void NextExecutionCount_BeforeAnyCell_IsOneWhenStoringHistoryAndZeroOtherwise()
    {
        using var session = Sessions.New();

        Assert.Equal(1, session.NextExecutionCount(CellOptions.Default));
        Assert.Equal(0, session.NextExecutionCount(new CellOptions { StoreHistory = false }));
    }
}
