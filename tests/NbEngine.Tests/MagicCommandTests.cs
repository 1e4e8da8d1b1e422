// #!time, #!who, #!whos and #!lsmagic in the engine, with .NET Interactive's output forms; an unknown #!word fails the cell.
using NbEngine.Execution;
using NbEngine.Notebooks;
using NbEngine.Verification;

namespace NbEngine.Tests;

public sealed class MagicCommandTests
{
    [Fact]
    public async Task Time_AsTheFirstLine_PrintsTheWallTimeAfterTheCellsOutputsAsPolyglotDoes()
    {
        var result = (await Sessions.RunAll("#!time\nSystem.Threading.Thread.Sleep(50);\nConsole.WriteLine(\"slept\");\n6 * 7"))[0];

        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal(3, result.Outputs.Count);
        Assert.Equal("slept\n", result.Outputs[0].Text());
        Assert.Contains("<pre>42</pre>", result.Outputs[1].Text());
        var wallTime = Assert.IsType<DisplayOutput>(result.Outputs[2]);
        var match = System.Text.RegularExpressions.Regex.Match(wallTime.Data["text/plain"], @"^Wall time: (?<ms>[0-9.]+)ms$");
        Assert.True(match.Success, wallTime.Data["text/plain"]);
        Assert.InRange(double.Parse(match.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture), 50, 60_000);
    }

    [Fact]
    public async Task Time_WhenRunAgain_VerifiesAgainstTheStoredOutputBecauseTheElapsedTimeIsMasked()
    {
        var first = (await Sessions.RunAll("#!time\n1"))[0];
        var second = (await Sessions.RunAll("#!time\nSystem.Threading.Thread.Sleep(20);\n1"))[0];

        Assert.NotEqual(first.Outputs[1].Text(), second.Outputs[1].Text());
        Assert.Null(OutputComparison.FirstDifference(first.Outputs, second.Outputs, Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public async Task Whos_ListsEachVariableOnceWithItsTypeAndLatestValueAsKernelValuesFormatterWritesThem()
    {
        var results = await Sessions.RunAll("var x = 1;\nvar name = \"Ada\";", "x = 5;\n#!whos");

        var table = Assert.IsType<DisplayOutput>(Assert.Single(results[1].Outputs));
        Assert.Equal(
            "<table><thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead><tbody>"
            + "<tr><td>x</td><td><span><a href=\"https://docs.microsoft.com/dotnet/api/system.int32?view=net-7.0\">System.Int32</a></span></td><td><div class=\"dni-plaintext\"><pre>5</pre></div></td></tr>"
            + "<tr><td>name</td><td><span><a href=\"https://docs.microsoft.com/dotnet/api/system.string?view=net-7.0\">System.String</a></span></td><td><div class=\"dni-plaintext\"><pre>Ada</pre></div></td></tr>"
            + "</tbody></table>",
            table.Data["text/html"]);
        Assert.Equal("Variable  Type           Value\nx         System.Int32   5\nname      System.String  Ada", table.LiveData["text/plain"]);
    }

    [Fact]
    public async Task Who_BeforeTheCodeOfItsCell_ShowsTheVariablesAtThatPointAsSplitSubmissionsDo()
    {
        var results = await Sessions.RunAll("var a = 1;", "#!who\nvar b = 2;\n#!who");

        Assert.Equal(CellStatus.Ok, results[1].Status);
        var (before, after) = (Assert.IsType<DisplayOutput>(results[1].Outputs[0]), Assert.IsType<DisplayOutput>(results[1].Outputs[1]));
        Assert.Equal("a", before.LiveData["text/plain"]);
        Assert.Equal("a\tb", after.LiveData["text/plain"]);
        Assert.StartsWith("<div><div class=\"dni-plaintext\"><pre>[ a\t , b\t  ]</pre></div></div>", after.Data["text/html"]);
    }

    [Fact]
    public async Task LsMagic_ListsTheSupportedDirectivesWithTheirDescriptions()
    {
        var result = (await Sessions.RunAll("#!lsmagic"))[0];

        var html = Assert.IsType<DisplayOutput>(Assert.Single(result.Outputs)).Data["text/html"];
        Assert.StartsWith("<div><h3>csharp kernel</h3><div><div style=\"text-indent:1.5em\"><pre><span style=\"text-indent:1.5em; color:#512bd4\">#!lsmagic</span></pre>"
            + "<div style=\"text-indent:3em\">List the available magic commands / directives</div></div>", html);
        Assert.Equal(["#!lsmagic", "#!time", "#!who", "#!whos", "#i", "#r"],
            System.Text.RegularExpressions.Regex.Matches(html, "color:#512bd4\">([^<]+)<").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task UnknownMagic_FailsTheWholeCellBeforeAnythingRunsNamingTheCommand()
    {
        var results = await Sessions.RunAll("var ran = 0;", "ran = 1;\n#!oops --flag\nran = 2;", "ran");

        Assert.Equal(CellStatus.Failed, results[1].Status);
        Assert.Equal("(2,1): error DNI101: Unknown magic command '#!oops'", Assert.Single(results[1].Outputs).Text());
        Assert.Contains("<pre>0</pre>", results[2].Outputs[0].Text());
    }

    [Fact]
    public async Task KernelLinesAndDirectives_StillWorkBesideMagics()
    {
        using var session = Sessions.New();

        var csharp = await session.ExecuteAsync("#!csharp\n#!time\n#r \"NbEngine.dll\"\nvar n = 2;\n#!csharp\nn + 1");
        var html = await session.ExecuteAsync("#!html\n<b>hi</b>", CellLanguage.Detect("#!html\n<b>hi</b>", null, CellLanguage.CSharp));

        Assert.Equal(CellStatus.Ok, csharp.Status);
        Assert.Contains("<pre>3</pre>", csharp.Outputs[0].Text());
        Assert.StartsWith("text/plain=Wall time: ", csharp.Outputs[1].Text());
        Assert.Equal("text/html=<b>hi</b>", Assert.Single(html.Outputs).Text());
    }

    [Fact]
    public async Task CompileError_AfterAMagicLine_KeepsTheCellsLineNumbers()
    {
        var result = (await Sessions.RunAll("#!time\nvar ok = 1;\n#!who\n  nope + ok"))[0];

        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.Equal("(4,3): error CS0103: The name 'nope' does not exist in the current context", result.Outputs[1].Text());
        Assert.StartsWith("text/plain=Wall time: ", result.Outputs[2].Text());
    }
}
