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

        var started = RunnerProcess.WaitUntil(() => File.Exists(Path.Combine(folder, "A.started")) && File.Exists(Path.Combine(folder, "B.started")),
            TimeSpan.FromMinutes(3));
        parent.Kill();   // SIGKILL: the parent gets no chance to clean up
        parent.WaitForExit();
        var workersGone = RunnerProcess.WaitUntil(() => RunnerProcess.Mentioning(folder).Count == 0, TimeSpan.FromSeconds(5));
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
}
