// Console.In in a cell: reads reach the input source its front-end gave, fail clearly without one, and stop on interrupt.
using System.Diagnostics;
using NbEngine.Execution;

namespace NbEngine.Tests;

public sealed class ConsoleInputTests
{
    [Fact]
    public async Task Execute_WhenCellReadsALine_ReturnsWhatTheInputSourceAnswered()
    {
        using var session = Sessions.New();
        var asked = 0;
        var options = new CellOptions { ReadLine = _ => ++asked == 1 ? "Ada" : null };

        var result = await session.ExecuteAsync(
            "var name = Console.ReadLine(); Console.WriteLine($\"hello {name}\"); Console.Write(Console.ReadLine() ?? \"end\");",
            options: options);

        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("hello Ada\nend", result.Outputs.Single().Text());
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task Execute_WhenCellReadsCharactersThenALine_SeesTheAnsweredLinesInOrderWithTheirBreaks()
    {
        using var session = Sessions.New();
        var lines = new Queue<string>(["ab", "cd"]);
        var options = new CellOptions { ReadLine = _ => lines.TryDequeue(out var line) ? line : null };

        var result = await session.ExecuteAsync(
            "var first = (char)Console.Read(); var rest = Console.ReadLine(); var next = Console.In.ReadToEnd();\n"
            + "Console.Write($\"{first}|{rest}|{next.Replace(\"\\n\", \"\\\\n\")}\");",
            options: options);

        Assert.Equal("a|b|cd\\n", result.Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenCellReadsWithoutAnInputSource_FailsSayingThereIsNone()
    {
        using var session = Sessions.New();

        var result = await session.ExecuteAsync("Console.ReadLine()");

        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.StartsWith(
            "System.InvalidOperationException: Console input was requested, but this cell has no input source: expected a front-end that answers input requests, got none",
            result.Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenInterruptedWhileWaitingForInput_StopsTheCellWithinFiveSeconds()
    {
        using var session = Sessions.New();
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var options = new CellOptions
        {
            ReadLine = token =>
            {
                Task.Delay(Timeout.Infinite, token).Wait(token);
                return "never";
            },
        };
        var clock = Stopwatch.StartNew();

        var result = await session.ExecuteAsync("Console.ReadLine()", options: options, cancellationToken: interrupt.Token);

        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("System.OperationCanceledException: The cell was interrupted.", result.Outputs.Single().Text());
    }
}
