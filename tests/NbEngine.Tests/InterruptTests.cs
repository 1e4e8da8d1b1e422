// Stopping running cells: loops get an injected check, so interrupts and time limits stop them and keep the state.
using System.Diagnostics;
using NbEngine.Execution;

namespace NbEngine.Tests;

public sealed class InterruptTests
{
    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("for (;;) x++;")]
    [InlineData("do x++; while (true);")]
    [InlineData("again: x++; goto again;")]
    [InlineData("void Spin() { while (true) x++; }\nSpin();")]
    [InlineData("foreach (var i in Enumerable.Repeat(1, int.MaxValue)) foreach (var j in Enumerable.Repeat(1, int.MaxValue)) x++;")]
    public async Task Execute_WhenCellLoopsForeverAndTimeoutPasses_StopsItAndTheNextCellSeesEarlierState(string loop)
    {
        using var session = Sessions.New(timeout: TimeSpan.FromSeconds(1));
        await session.ExecuteAsync("var x = 0;");
        var clock = Stopwatch.StartNew();

        var stopped = await session.ExecuteAsync(loop);
        var took = clock.Elapsed;
        var next = await session.ExecuteAsync("x >= 0 ? \"state kept\" : \"?\"");

        Assert.Equal(CellStatus.TimedOut, stopped.Status);
        Assert.True(took >= TimeSpan.FromSeconds(1) && took < TimeSpan.FromSeconds(10), $"took {took}");
        Assert.Equal("System.TimeoutException: The cell ran longer than its 1 s limit and was stopped.", stopped.Outputs.Single().Text());
        Assert.Equal("text/plain=state kept", next.Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenCompilingTakesLongerThanTheLimit_RunsTheCellSinceOnlyItsCodeIsTimed()
    {
        using var session = Sessions.New(timeout: TimeSpan.FromMilliseconds(300));
        // Thousands of methods that are never called: slow to compile, nothing to JIT. The loop checks for the
        // interrupt at each turn, so it would stop at once had the limit run out while compiling.
        var slowToCompile = string.Concat(Enumerable.Range(0, 10000).Select(i => $"int Unused{i}() => {i} * 2 + 1;\n"));
        const string shortLoop = "for (var i = 0; i < 3; i++) System.Threading.Thread.Sleep(20);\n";
        var clock = Stopwatch.StartNew();

        var result = await session.ExecuteAsync(slowToCompile + shortLoop + "\"compiled slowly\"");

        Assert.True(clock.Elapsed > TimeSpan.FromMilliseconds(600), $"compiling took only {clock.Elapsed}");
        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("text/plain=compiled slowly", result.Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenCallerCancels_InterruptsWithinFiveSecondsAndReportsInterrupted()
    {
        using var session = Sessions.New();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var result = await session.ExecuteAsync("while (true) { }", cancellationToken: interrupt.Token);

        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("System.OperationCanceledException: The cell was interrupted.", result.Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenCellBlocksWithoutLooping_AbandonsItAfterTheGraceAndKeepsThePreviousState()
    {
        using var session = new NotebookSession(new SessionOptions
        {
            WorkingDirectory = AppContext.BaseDirectory,
            CellTimeout = TimeSpan.FromMilliseconds(300),
            InterruptGrace = TimeSpan.FromMilliseconds(300),
        });
        await session.ExecuteAsync("var kept = 5;");

        var blocked = await session.ExecuteAsync("System.Threading.Thread.Sleep(20000);");
        var next = await session.ExecuteAsync("kept");

        Assert.Equal(CellStatus.TimedOut, blocked.Status);
        Assert.StartsWith("The cell did not stop when interrupted", blocked.Outputs[0].Text());
        Assert.Contains("<pre>5</pre>", next.Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenTaskStartedByTheCellWrites_OutputsReachTheCell()
    {
        var result = (await Sessions.RunAll("await Task.Run(() => Console.Write(\"from a task\"));"))[0];

        Assert.Equal("from a task", result.Outputs.Single().Text());
    }
}
