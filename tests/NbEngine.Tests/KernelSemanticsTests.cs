// The C# kernel's semantics: state across cells, outputs by kind, errors, imports and directives.
using NbEngine.Execution;
using NbEngine.Notebooks;

namespace NbEngine.Tests;

public sealed class KernelSemanticsTests
{
    [Fact]
    public async Task Execute_WhenLaterCellUsesEarlierVariablesUsingsAndTypes_SeesThem()
    {
        var results = await Sessions.RunAll(
            "using System.Globalization;\nrecord Point(int X, int Y);\nvar p = new Point(1, 2);",
            "Console.Write(p.X + p.Y); Console.Write(CultureInfo.InvariantCulture.Name.Length);");

        Assert.All(results, r => Assert.Equal(CellStatus.Ok, r.Status));
        var stream = Assert.IsType<StreamOutput>(Assert.Single(results[1].Outputs));
        Assert.Equal(("stdout", "30"), (stream.Name, stream.Text));
        Assert.Equal([1, 2], results.Select(r => r.ExecutionCount));
    }

    [Fact]
    public async Task Execute_WhenCellEndsWithString_DisplaysPlainTextOnly()
    {
        var result = (await Sessions.RunAll("\"hello\" + \" world\""))[0];

        var display = Assert.IsType<DisplayOutput>(Assert.Single(result.Outputs));
        Assert.Equal(["text/plain"], display.Data.Keys);
        Assert.Equal("hello world", display.Data["text/plain"]);
        Assert.True(display.IsResult);
    }

    [Fact]
    public async Task Execute_WhenCellEndsWithNumber_DisplaysKernelHtml()
    {
        var result = (await Sessions.RunAll("1 + 2"))[0];

        var display = Assert.IsType<DisplayOutput>(Assert.Single(result.Outputs));
        Assert.Equal(["text/html"], display.Data.Keys);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>3</pre></div><style>", display.Data["text/html"]);
    }

    [Fact]
    public async Task Execute_WhenCellWritesAndDisplays_KeepsOrderAndMergesConsecutiveWrites()
    {
        var result = (await Sessions.RunAll(
            "Console.WriteLine(\"a\");\nConsole.Write(\"b\");\ndisplay(\"shown\");\nConsole.Error.WriteLine(\"oops\");\nConsole.WriteLine(\"c\");"))[0];

        Assert.Equal(
            ["stdout:a\nb", "display:text/plain=shown", "stderr:oops\n", "stdout:c\n"],
            result.Outputs.Select(o => o switch
            {
                StreamOutput s => $"{s.Name}:{s.Text}",
                DisplayOutput d => $"display:{d.Text()}",
                _ => o.ToString(),
            }));
    }

    [Fact]
    public async Task Execute_WhenCellThrows_ReportsTypeMessageAndStackAndKeepsEarlierAssignments()
    {
        var results = await Sessions.RunAll(
            "var before = 41;\nthrow new InvalidOperationException(\"boom\");",
            "before + 1");

        Assert.Equal(CellStatus.Failed, results[0].Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(results[0].Outputs));
        Assert.Equal("Error", error.EName);
        Assert.StartsWith("System.InvalidOperationException: boom\n   at ", error.EValue.ReplaceLineEndings("\n"));
        Assert.Empty(error.Traceback);
        Assert.Contains("<pre>42</pre>", results[1].Outputs[0].Text());
    }

    [Fact]
    public async Task Execute_WhenCellDoesNotCompile_ReportsCellRelativePositionAndCode()
    {
        var result = (await Sessions.RunAll("var ok = 1;\nwhile (ok < 3) { ok++; }\n  undefinedVar + 1"))[0];

        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.Equal(
            "(3,3): error CS0103: The name 'undefinedVar' does not exist in the current context",
            Assert.IsType<ErrorOutput>(Assert.Single(result.Outputs)).EValue);
    }

    [Fact]
    public async Task Execute_WhenErrorFollowsInjectedLoopCheckOnSameLine_ReportsOriginalColumn()
    {
        var result = (await Sessions.RunAll("for (var i = 0; i < 2; i++) { } nope();"))[0];

        Assert.Equal("(1,33): error CS0103: The name 'nope' does not exist in the current context", result.Outputs[0].Text());
    }

    [Fact]
    public async Task Execute_WhenFileUsedWithoutSystemIo_DoesNotCompileAsInTheKernel()
    {
        var result = (await Sessions.RunAll("File.Exists(\"x\")"))[0];

        Assert.Contains("error CS0103: The name 'File' does not exist", result.Outputs[0].Text());
    }

    [Fact]
    public async Task Execute_WhenCellIsFSharp_FailsAsUnsupportedKernel()
    {
        using var session = Sessions.New();

        var result = await session.ExecuteAsync("let x = 1", "fsharp");

        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.Equal("unsupported kernel: fsharp", result.Outputs[0].Text());
    }

    [Fact]
    public async Task Execute_WhenHtmlHelperIsTrailing_DisplaysRawHtml()
    {
        var result = (await Sessions.RunAll("HTML(\"<b>bold</b>\")"))[0];

        Assert.Equal("text/html=<b>bold</b>", result.Outputs[0].Text());
    }

    [Fact]
    public async Task Execute_WhenHtmlCell_DisplaysItsBodyWithoutTheMagicLine()
    {
        using var session = Sessions.New();

        var result = await session.ExecuteAsync("#!html\n<p>hi</p>", CellLanguage.Html);

        Assert.Equal("text/html=<p>hi</p>", result.Outputs[0].Text());
    }

    [Fact]
    public async Task Execute_WhenCellUsesTheFormattingPackage_BindsToTheHostCopySoRegistrationsReachTheEngine()
    {
        var result = (await Sessions.RunAll(
            "System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly).Name"))[0];

        Assert.Equal("text/plain=Default", result.Outputs[0].Text());
    }

    [Fact]
    public async Task WarmUp_BeforeTheFirstCell_LeavesNoVariableAndNoExecutionBehind()
    {
        using var session = Sessions.New();

        session.WarmUp();
        var result = await session.ExecuteAsync("#!who\n1 + 1");

        Assert.Equal(1, result.ExecutionCount);
        Assert.Equal("(no variables)", Assert.IsType<DisplayOutput>(result.Outputs[0]).LiveData["text/plain"]);
        Assert.Contains("<pre>2</pre>", result.Outputs[1].Text());
    }
}
