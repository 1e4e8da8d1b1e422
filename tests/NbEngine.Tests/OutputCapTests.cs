// Stream output at scale: many writes are collected in linear time, and a run past the cap keeps its ends with a marker.
using System.Diagnostics;
using System.Text;
using NbEngine.Execution;
using NbEngine.Notebooks;

namespace NbEngine.Tests;

public sealed class OutputCapTests
{
    [Fact]
    public async Task Execute_WhenACellWrites300000Lines_TakesSecondsAndKeepsTheFirstAndLastMebiCharactersAroundAMarker()
    {
        using var session = Sessions.New(timeout: TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();

        var result = await session.ExecuteAsync("for (var i = 0; i < 300_000; i++) Console.WriteLine($\"line {i}\");");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal(Expected(string.Concat(Enumerable.Range(0, 300_000).Select(i => $"line {i}\n")), 1 << 20),
            Assert.IsType<StreamOutput>(Assert.Single(result.Outputs)).Text);
    }

    [Fact]
    public async Task Execute_WhenOneWriteIsLargerThanTheCap_ShowsLiveExactlyWhatItStores()
    {
        using var session = Sessions.New();
        var live = new StringBuilder();

        var result = await session.ExecuteAsync("Console.Write(new string('x', 5_000_000)); Console.Error.Write(\"then\");",
            onOutput: o => live.Append(o is StreamOutput { Name: StreamOutput.StandardOutput } s ? s.Text : ""));

        var stored = Assert.IsType<StreamOutput>(result.Outputs[0]).Text;
        Assert.Equal(new string('x', 1 << 20) + $"\n… {5_000_000 - (2 << 20)} characters (0 lines) elided …\n" + new string('x', 1 << 20), stored);
        Assert.Equal(stored, live.ToString());
        Assert.Equal("then", Assert.IsType<StreamOutput>(result.Outputs[1]).Text);
    }

    /// <summary>The rule, computed on the whole text: first <paramref name="kept"/> characters, last ones from a line start, a marker between.</summary>
    private static string Expected(string all, int kept)
    {
        var head = all[..kept];
        var tail = all[^kept..];
        tail = tail[(tail.IndexOf('\n') + 1)..];
        var elided = all[head.Length..^tail.Length];
        return head + (head.EndsWith('\n') ? "" : "\n") + $"… {elided.Length} characters ({elided.Count(c => c == '\n')} lines) elided …\n" + tail;
    }
}
