// A long session: memory grows by a bounded amount per cell, and references added along the way keep working.
using NbEngine.Execution;

namespace NbEngine.Tests;

public sealed class LongSessionTests
{
    [Fact]
    public async Task Execute_ManyCells_EachAddsABoundedAmountOfMemory()
    {
        // Passing the whole reference set to every submission made submission n hold n copies of it: 250 trivial
        // cells then held 220 MB, 500 held 850 MB (quadratic). Linear growth measured since: about 0.12 MB per cell.
        using var session = Sessions.New();
        await session.ExecuteAsync("var x0 = 0;");
        for (var i = 1; i < 100; i++)
        {
            await session.ExecuteAsync($"var x{i} = x{i - 1} + 1;");
        }
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 100; i < 400; i++)
        {
            await session.ExecuteAsync($"var x{i} = x{i - 1} + 1;");
        }
        var perCell = (GC.GetTotalMemory(forceFullCollection: true) - before) / 300.0;
        var last = await session.ExecuteAsync("x399");

        Assert.Contains("<pre>399</pre>", Assert.Single(last.Outputs).Text());
        Assert.InRange(perCell, 0, 400_000);
    }

    [Fact]
    public async Task Execute_ReferenceAddedByACellThatFailsToCompile_IsThereForTheNextCells()
    {
        var results = await Sessions.RunAll(
            "var a = 1;",
            "#r \"xunit.assert.dll\"\nthis is not C#",
            "var b = a + 1;",
            "Xunit.Assert.Equal(2, b); b");

        Assert.Equal([CellStatus.Ok, CellStatus.Failed, CellStatus.Ok, CellStatus.Ok], results.Select(r => r.Status));
        Assert.Contains("<pre>2</pre>", Assert.Single(results[3].Outputs).Text());
    }
}
