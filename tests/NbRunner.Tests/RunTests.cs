// run on fixture notebooks: failures of cells, time limits, malformed files and bad usage.
namespace NbRunner.Tests;

public sealed class RunTests
{
    [Fact]
    public async Task Run_WhenCellThrows_ExitsOneAndNamesTheExceptionAndCell()
    {
        var (exitCode, output) = await Runner.Run("run", Runner.Fixture("Exception.ipynb"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Exception.ipynb, cell 2 (throw new InvalidOperationException(\"boom\");): System.InvalidOperationException: boom", output);
    }

    [Fact]
    public async Task Run_WhenCellDoesNotCompile_ReportsTheCellRelativeLineAndColumn()
    {
        var (exitCode, output) = await Runner.Run("run", Runner.Fixture("Compile Error.ipynb"));

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "Compile Error.ipynb, cell 1 (var ok = 1;): (2,1): error CS0103: The name 'undefinedVar' does not exist in the current context",
            output);
    }

    [Fact]
    public async Task Run_WhenCellsAreTaggedRaisesSkipOrIgnore_PassesAndSkipsOnlySkipExecutionCells()
    {
        var junit = Path.Combine(Directory.CreateTempSubdirectory("nbrunner-junit-").FullName, "out.xml");

        var (exitCode, _) = await Runner.Run("run", Runner.Fixture("Passing.ipynb"), "--junit", junit);

        Assert.Equal(0, exitCode);
        var cases = System.Xml.Linq.XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Equal(11, cases.Count);
        Assert.Equal(
            ["cell 9: while (true) { }", "cell 10: let answer = 42"],
            cases.Where(c => c.Element("skipped") is not null).Select(c => (string)c.Attribute("name")!));
        Assert.DoesNotContain(cases, c => c.Element("failure") is not null);
    }

    [Fact]
    public async Task Update_WhenCellLoopsForever_TimeoutStopsItAndLaterCellsStillRun()
    {
        var copy = Runner.Copy("Infinite Loop.ipynb");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exitCode, output) = await Runner.Run("update", copy, "--timeout", "1");

        Assert.Equal(1, exitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains("Infinite Loop.ipynb, cell 2 (while (true) { }): System.TimeoutException: The cell ran longer than its 1 s limit", output);
        var cells = NbEngine.Notebooks.NotebookReader.Read(copy).Cells;
        Assert.Equal("42\n", Assert.IsType<NbEngine.Notebooks.StreamOutput>(Assert.Single(cells[2].StoredOutputs)).Text);
    }

    [Fact]
    public async Task Update_WhenFileIsMalformed_ExitsTwoNamesLineAndColumnAndLeavesFileUntouched()
    {
        var copy = Runner.Copy("Malformed/Broken.ipynb");
        var before = File.ReadAllBytes(copy);

        var (exitCode, output) = await Runner.Run("update", copy);

        Assert.Equal(2, exitCode);
        Assert.Matches(@"ERROR Broken\.ipynb: .*Broken\.ipynb:6:3: not valid JSON", output);
        Assert.Equal(before, File.ReadAllBytes(copy));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(copy)!));
    }

    [Theory]
    [InlineData("--frobnicate", "unknown option --frobnicate")]
    [InlineData("--timeout", "--timeout expects a value, got nothing")]
    [InlineData("-j 0", "-j expects an integer from 1 to 1024, got '0'")]
    [InlineData("-j 1e12", "-j expects an integer from 1 to 1024, got '1e12'")]
    [InlineData("-j 1.5", "-j expects an integer from 1 to 1024, got '1.5'")]
    [InlineData("--timeout NaN", "--timeout expects a positive number of seconds up to 2147483, got 'NaN'")]
    [InlineData("--timeout 1e12", "--timeout expects a positive number of seconds up to 2147483, got '1e12'")]
    [InlineData("--timeout Infinity", "--timeout expects a positive number of seconds up to 2147483, got 'Infinity'")]
    [InlineData("--rtol NaN", "--rtol expects a finite number >= 0, got 'NaN'")]
    [InlineData("no/such/folder", "expected a notebook file or folder, got 'no/such/folder', which does not exist")]
    public async Task Run_WhenUsageIsBad_ExitsTwoAndSaysWhatWasExpected(string arguments, string message)
    {
        var (exitCode, output) = await Runner.Run(["run", .. arguments.Split(' ')]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"nbrunner: {message}", output);
    }

    [Fact]
    public async Task Run_WhenTheJUnitFolderCannotBeCreated_ExitsOneSayingWhyAndStillReportsTheNotebooks()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("nbrunner-junit-").FullName, "a file");
        File.WriteAllText(file, "not a folder");
        var junit = Path.Combine(file, "report.xml");

        var (exitCode, output) = await Runner.Run("run", Runner.Fixture("Tolerance Pass.ipynb"), "--junit", junit);

        Assert.Equal(1, exitCode);
        Assert.Contains("PASS  Tolerance Pass.ipynb", output);
        Assert.Contains($"nbrunner: could not write the JUnit report to {junit}: ", output);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public async Task Export_WhenTheOutputFolderCannotBeCreated_ExitsOneSayingWhy()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("nbrunner-export-").FullName, "a file");
        File.WriteAllText(file, "not a folder");

        var (exitCode, output) = await Runner.Run("export", "cs", Runner.Fixture("Tolerance Pass.ipynb"), "--out", Path.Combine(file, "apps"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"nbrunner export: could not write to {Path.Combine(file, "apps")}: ", output);
    }

    [Fact]
    public async Task Run_WhenAFolderHoldsSymlinkLoops_RunsEachNotebookOnceAndEnds()
    {
        var folder = Directory.CreateTempSubdirectory("nbrunner-loop-").FullName;
        ScratchNotebook.CreateIn(folder, "Once.ipynb", "Console.WriteLine(1);");
        Directory.CreateSymbolicLink(Path.Combine(folder, "self"), ".");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(folder, "Alias.ipynb"), "Once.ipynb");

        var run = Task.Run(() => Runner.Run("run", folder));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2))) == run;

        Assert.True(finished, "expected the run to end; the walk did not");
        var (exitCode, output) = await run;
        Assert.Equal(0, exitCode);
        Assert.Single(output.Split('\n'), l => l.StartsWith("PASS", StringComparison.Ordinal));
        Assert.EndsWith("notebooks: 1 passed, 0 failed\n", output);
    }
}
