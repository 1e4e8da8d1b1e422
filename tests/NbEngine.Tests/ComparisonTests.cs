// Comparing stored and new outputs: numbers within tolerance, normalised text, masked ids, output kinds.
using NbEngine.Notebooks;
using NbEngine.Verification;

namespace NbEngine.Tests;

public sealed class ComparisonTests
{
    [Theory]
    [InlineData("-0.08190", "-0.0819")]
    [InlineData("tensor([[-0.0819,  0.8100]])", "tensor([[-0.0819, 0.81]])")]
    [InlineData("a  \r\nb\t\n\n", "a\nb")]
    [InlineData("1e-7", "0")]
    public void FirstDifference_WhenTextsAgreeUpToNormalisationAndTolerance_IsNull(string stored, string actual)
    {
        Assert.Null(TextComparison.FirstDifference(stored, actual, Tolerance.Default));
    }

    [Theory]
    [InlineData("h = -0.0819", "h = -0.0820", "stored -0.0819, got -0.0820")]
    [InlineData("shape (4, 5)", "shape (4, 6)", "stored 5, got 6")]
    [InlineData("count 3", "total 3", "stored \"count 3\", got \"total 3\"")]
    [InlineData("a\nb", "a", "stored 2 lines, got 1 (first unmatched: \"b\")")]
    public void FirstDifference_WhenTextsDiffer_NamesTheFirstDifferingNumbersOrLines(string stored, string actual, string expected)
    {
        Assert.Equal(expected, TextComparison.FirstDifference(stored, actual, Tolerance.Default));
    }

    [Fact]
    public void Outputs_WhenStoredAsExecuteResultAndNewAsDisplayData_AreEqual()
    {
        var stored = new CellOutput[] { DisplayOutput.Single("text/plain", "x", isResult: true) };
        var actual = new CellOutput[] { DisplayOutput.Single("text/plain", "x") };

        Assert.Null(OutputComparison.FirstDifference(stored, actual, Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Outputs_WhenHtmlDiffersOnlyInGeneratedIds_AreEqual()
    {
        const string chart = "<div id=\"{0}\"></div><script>var renderPlotly_{1} = 1; Plotly.newPlot('{0}')</script>";
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var difference = OutputComparison.FirstDifference(
            [DisplayOutput.Single("text/html", string.Format(chart, first, first.ToString("N")))],
            [DisplayOutput.Single("text/html", string.Format(chart, second, second.ToString("N")))],
            Tolerance.Default, Sanitizers.BuiltIn);

        Assert.Null(difference);
    }

    [Fact]
    public void Outputs_WhenStoredStreamWasSplit_ComparesMergedText()
    {
        Assert.Null(OutputComparison.FirstDifference(
            [new StreamOutput("stdout", "a\n"), new StreamOutput("stdout", "b\n")],
            [new StreamOutput("stdout", "a\nb\n")],
            Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Outputs_WhenKindsDiffer_ListsBothSequences()
    {
        Assert.Equal("stored 2 outputs (stdout, display_data), got 1 output (stdout)", OutputComparison.FirstDifference(
            [new StreamOutput("stdout", "a"), DisplayOutput.Single("text/plain", "x")],
            [new StreamOutput("stdout", "a")],
            Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Outputs_WhenErrorsDifferOnlyInStackTrace_AreEqual()
    {
        Assert.Null(OutputComparison.FirstDifference(
            [ErrorOutput.FromText("System.Exception: boom\n   at Submission#3.<<Initialize>>d__0.MoveNext()")],
            [ErrorOutput.FromText("System.Exception: boom\n   at Submission#1.<<Initialize>>d__0.MoveNext()\n--- End of stack trace ---")],
            Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Outputs_WhenMimeTypesDiffer_NamesThem()
    {
        Assert.Equal("stored MIME types text/html, got text/plain", OutputComparison.FirstDifference(
            [DisplayOutput.Single("text/html", "3")], [DisplayOutput.Single("text/plain", "3")], Tolerance.Default, Sanitizers.BuiltIn));
    }

    [Fact]
    public void Sanitizers_WhenProjectFileIsAboveTheNotebook_AppliesItsRulesAfterTheBuiltInOnes()
    {
        var root = Directory.CreateTempSubdirectory("nbengine-sanitize-").FullName;
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks", "part1")).FullName;
        File.WriteAllText(Path.Combine(root, Sanitizers.FileName), """[{"regex": "took \\d+ ms", "replace": "took N ms"}]""");

        var sanitizers = Sanitizers.For(notebooks);

        Assert.Equal("took N ms, Loading extensions from `<path>`",
            sanitizers.Apply("took 15 ms, Loading extensions from `/home/me/.nuget/x.dll`"));
    }

    [Fact]
    public void Sanitizers_WhenOnlyTheHomeOrPackagesFolderOfAnExtensionPathDiffers_AcceptTheOutput()
    {
        const string stored = "Loading extensions from `/root/.nuget/packages/plotly.net.interactive/6.0.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`";

        foreach (var other in new[]
        {
            "Loading extensions from `~/.nuget/packages/plotly.net.interactive/6.0.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`",
            @"Loading extensions from `C:\Users\me\.nuget\packages\plotly.net.interactive\6.0.0\interactive-extensions\dotnet\Plotly.NET.Interactive.dll`",
            "Loading extensions from `/ci/cache/nuget/plotly.net.interactive/6.0.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`",
        })
        {
            Assert.Null(OutputComparison.FirstDifference(
                [DisplayOutput.Single("text/plain", stored)], [DisplayOutput.Single("text/plain", other)], Tolerance.Default, Sanitizers.BuiltIn));
        }
    }

    [Fact]
    public void Sanitizers_WhenAnExtensionPathNamesAnotherVersion_ReportTheDifference()
    {
        var difference = OutputComparison.FirstDifference(
            [DisplayOutput.Single("text/plain", "Loading extensions from `/root/.nuget/packages/plotly.net.interactive/6.0.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`")],
            [DisplayOutput.Single("text/plain", "Loading extensions from `~/.nuget/packages/plotly.net.interactive/6.1.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`")],
            Tolerance.Default, Sanitizers.BuiltIn);

        Assert.NotNull(difference);
        Assert.Equal("stored 6.0, got 6.1", difference);
    }
}
