// The runner's processes under kills and hostile cells: workers die with their parent, a dying cell fails only its notebook.
namespace NbRunner.Tests;

public sealed class ProcessDeathTests
{
    [Fact]
    public void KillingTheParentOfJobs_EndsItsWorkersBeforeTheyWriteAnyNotebook()
    {
        var folder = Directory.CreateTempSubdirectory("nbrunner-kill-").FullName;
        string[] cells = ["System.IO.File.WriteAllText(System.IO.Path.GetFileNameWithoutExtension(\"{0}\") + \".started\", \"\");",
            "System.Threading.Thread.Sleep(6000);", "Console.WriteLine(42);"];
        var notebooks = new[] { "A.ipynb", "B.ipynb" }
            .Select(name => ScratchNotebook.CreateIn(folder, name, [.. cells.Select(c => c.Replace("{0}", name))])).ToList();
        var before = notebooks.Select(File.ReadAllBytes).ToList();
        using var parent = RunnerProcess.Start(["update", .. notebooks, "-j", "2"]);

        var started = Polling.Until(() => File.Exists(Path.Combine(folder, "A.started")) && File.Exists(Path.Combine(folder, "B.started")),
            TimeSpan.FromMinutes(3));
        parent.Kill();   // SIGKILL: the parent gets no chance to clean up
        parent.WaitForExit();
        var workersGone = Polling.Until(() => RunnerProcess.Mentioning(folder).Count == 0, TimeSpan.FromSeconds(5));
        var leftover = RunnerProcess.Mentioning(folder);
        Thread.Sleep(TimeSpan.FromSeconds(7));   // past the moment the cells would have finished and the notebooks been written
        foreach (var pid in RunnerProcess.Mentioning(folder))
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }

        Assert.True(started, "expected both workers to start their notebooks");
        Assert.True(workersGone, $"expected the workers to end with their parent, still running: {string.Join(", ", leftover)}");
        Assert.Equal(before, notebooks.Select(File.ReadAllBytes));
    }

    [Theory]
    [InlineData("Environment.Exit(0);", "exited with code 0")]
    [InlineData("Environment.Exit(3);", "exited with code 3")]
    [InlineData("Environment.FailFast(\"hostile cell\");", "aborted by signal 6 (SIGABRT, as Environment.FailFast and a stack overflow do); it printed:\n      Process terminated.\n      hostile cell")]
    [InlineData("int Down(int n) => Down(n + 1) + 1; Down(0);", "aborted by signal 6 (SIGABRT, as Environment.FailFast and a stack overflow do); it printed:\n      Stack overflow.")]
    [InlineData("System.Diagnostics.Process.GetCurrentProcess().Kill();", "killed by signal 9 (SIGKILL, as the out-of-memory killer does)")]
    public void Run_WhenACellEndsItsProcess_FailsThatNotebookNamingCellAndDeathAndRunsTheRest(string cell, string death)
    {
        var folder = Directory.CreateTempSubdirectory("nbrunner-death-").FullName;
        ScratchNotebook.CreateIn(folder, "A Dies.ipynb", "var before = 1;", cell, "Console.WriteLine(\"never\");");
        ScratchNotebook.CreateIn(folder, "B Passes.ipynb", "Console.WriteLine(42);");
        var junit = Path.Combine(folder, "report.xml");

        var run = RunnerProcess.Run(TimeSpan.FromMinutes(3), "run", folder, "--junit", junit);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("FAIL  A Dies.ipynb", run.Output);
        Assert.Contains($"      A Dies.ipynb: cell 2 ({cell}) ended the process running the notebook, so the cells after it did not run: the process {death}", run.Output);
        Assert.Contains("PASS  B Passes.ipynb", run.Output);
        Assert.EndsWith("notebooks: 1 passed, 1 failed\n", run.Output);
        var failure = System.Xml.Linq.XDocument.Load(junit).Descendants("failure").Single();
        Assert.StartsWith($"cell 2 ({cell}) ended the process running the notebook", (string)failure.Attribute("message")!);
    }

    [Fact]
    public void Run_WhenACellInTheMiddleDies_StillRunsTheNotebooksQueuedBehindItAndKeepsTheReportsBeforeIt()
    {
        var folder = Directory.CreateTempSubdirectory("nbrunner-queue-").FullName;
        ScratchNotebook.CreateIn(folder, "A Passes.ipynb", "Console.WriteLine(1);");
        ScratchNotebook.CreateIn(folder, "B Dies.ipynb", "Environment.Exit(3);");
        ScratchNotebook.CreateIn(folder, "C Passes.ipynb", "Console.WriteLine(3);");

        var run = RunnerProcess.Run(TimeSpan.FromMinutes(3), "run", folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("PASS  A Passes.ipynb", run.Output);
        Assert.Contains("FAIL  B Dies.ipynb", run.Output);
        Assert.Contains("B Dies.ipynb: cell 1 (Environment.Exit(3);) ended the process", run.Output);
        Assert.Contains("PASS  C Passes.ipynb", run.Output);
        Assert.EndsWith("notebooks: 2 passed, 1 failed\n", run.Output);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Run_WhenACellLeavesAForegroundThreadRunning_ExitsWhenTheNotebooksAreDone(string jobs)
    {
        var folder = Directory.CreateTempSubdirectory("nbrunner-thread-").FullName;
        ScratchNotebook.CreateIn(folder, "A Thread.ipynb", "new System.Threading.Thread(() => System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite)).Start();");
        ScratchNotebook.CreateIn(folder, "B Passes.ipynb", "Console.WriteLine(42);");

        // ChildProcess kills the runner and fails the test if it is still running after the limit.
        var run = RunnerProcess.Run(TimeSpan.FromSeconds(90), "run", folder, "-j", jobs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("notebooks: 2 passed, 0 failed\n", run.Output);
    }
}
