// verify on fixture notebooks: matches, mismatches with readable diffs, tolerance, tags, ids, packages and dlls.
namespace NbRunner.Tests;

public sealed class VerifyTests
{
    [Fact]
    public async Task Verify_WhenEveryOutputMatches_ExitsZeroWithProgressLineAndTally()
    {
        var (exitCode, output) = await Runner.Run("verify", Runner.Fixture("Passing.ipynb"));

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^PASS  Passing\.ipynb \(\d+\.\d\d s, 9 cells\)\n", output);
        Assert.EndsWith("notebooks: 1 passed, 0 failed\n", output);
    }

    [Fact]
    public async Task Verify_WhenTextDiffers_ExitsOneAndNamesNotebookCellFirstLineAndBothTexts()
    {
        var (exitCode, output) = await Runner.Run("verify", Runner.Fixture("Mismatch.ipynb"));

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "Mismatch.ipynb, cell 1 (Console.WriteLine(\"the text it prints now\");): stored \"the text it printed before\", got \"the text it prints now\"",
            output);
        Assert.EndsWith("notebooks: 0 passed, 1 failed\n", output);
    }

    [Fact]
    public async Task Verify_WhenNumbersDifferWithinTolerance_Passes()
    {
        var (exitCode, output) = await Runner.Run("verify", Runner.Fixture("Tolerance Pass.ipynb"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("PASS  Tolerance Pass.ipynb", output);
    }

    [Fact]
    public async Task Verify_WhenNumberDiffersBeyondTolerance_ReportsCellAndBothValues()
    {
        var (exitCode, output) = await Runner.Run("verify", Runner.Fixture("Tolerance Fail.ipynb"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Tolerance Fail.ipynb, cell 1 (var (output, hN) = (-0.0820, 0.81);): stored -0.0819, got -0.0820", output);
    }

    [Fact]
    public async Task Verify_WhenAtolWidened_AcceptsTheSameDifference()
    {
        var (exitCode, _) = await Runner.Run("verify", Runner.Fixture("Tolerance Fail.ipynb"), "--atol", "0.001");

        Assert.Equal(0, exitCode);
    }

    [Theory]
    [InlineData("Plotly Chart.ipynb")]                 // a chart drawn with fresh ids matches the stored chart
    [InlineData("Nuget Package.ipynb")]                // #r "nuget:…" restores and the package works
    [InlineData("RelativeDll/Tensor Display.ipynb")]   // #r "../../x.dll" loads; tensors show as PyTorch text
    public async Task Verify_WhenNotebookUsesPackagesChartsOrDlls_MatchesItsStoredOutputs(string fixture)
    {
        var (exitCode, output) = await Runner.Run("verify", Runner.Fixture(fixture));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Verify_WhenJobsIsTwo_RunsNotebooksInWorkersAndReportsEach()
    {
        var (exitCode, output) = await Runner.Run(
            "verify", Runner.Fixture("Tolerance Pass.ipynb"), Runner.Fixture("Mismatch.ipynb"), "-j", "2");

        Assert.Equal(1, exitCode);
        Assert.Contains("PASS  Tolerance Pass.ipynb", output);
        Assert.Contains("FAIL  Mismatch.ipynb", output);
        Assert.Contains("Mismatch.ipynb, cell 1 (", output);
        Assert.EndsWith("notebooks: 1 passed, 1 failed\n", output);
    }
}
