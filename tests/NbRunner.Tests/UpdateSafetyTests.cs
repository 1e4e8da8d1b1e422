// update never loses a user's file: edits saved during a run, symlinks, modes, owners, read-only files, stale temp files.
namespace NbRunner.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]   // modes and owners are POSIX's
public sealed class UpdateSafetyTests
{
    [Fact]
    public async Task Update_WhenTheNotebookIsSavedWhileItRuns_KeepsTheEditExitsOneAndSaysWhy()
    {
        // The cell plays the user saving an edit in an editor while the run goes on (a trailing space keeps it valid JSON).
        var notebook = ScratchNotebook.Create("Edited.ipynb", "System.IO.File.AppendAllText(\"Edited.ipynb\", \" \");", "1 + 1");
        var edited = File.ReadAllText(notebook) + " ";

        var (exitCode, output) = await Runner.Run("update", notebook);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Edited.ipynb: not written: {notebook} changed on disk while it ran (saved in an editor?); " +
            "its new outputs were not written, so the change is kept. Run update again.", output);
        Assert.Equal(edited, File.ReadAllText(notebook));
    }

    [Fact]
    public async Task Update_OfASymlink_WritesItsTargetAndLeavesTheLinkALink()
    {
        var target = ScratchNotebook.Create("Target.ipynb", "Console.WriteLine(42);");
        var link = Path.Combine(Directory.CreateTempSubdirectory("nbrunner-link-").FullName, "Link.ipynb");
        File.CreateSymbolicLink(link, target);

        var (exitCode, output) = await Runner.Run("update", link);

        Assert.True(exitCode == 0, output);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("42\n", Assert.IsType<NbEngine.Notebooks.StreamOutput>(Assert.Single(NbEngine.Notebooks.NotebookReader.Read(target).Cells[0].StoredOutputs)).Text);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task Update_KeepsTheNotebooksModeAndGroup()
    {
        var notebook = ScratchNotebook.Create("Shared.ipynb", "Console.WriteLine(42);");
        File.SetUnixFileMode(notebook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        var before = File.ReadAllText(notebook);

        var (exitCode, output) = await Runner.Run("update", notebook);

        Assert.True(exitCode == 0, output);
        Assert.NotEqual(before, File.ReadAllText(notebook));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(notebook));
    }

    [SkippableFact]
    public async Task Update_AsRootOfAnotherUsersNotebook_KeepsItsOwnerAndGroup()
    {
        Skip.IfNot(Environment.UserName == "root", "only root can give a file to another user, so this check needs root");
        var notebook = ScratchNotebook.Create("Theirs.ipynb", "Console.WriteLine(42);");
        Assert.Equal(0, ChildProcess.Run("chown", ["12345:23456", notebook], new Dictionary<string, string>(), "/", TimeSpan.FromSeconds(30)).ExitCode);

        var (exitCode, output) = await Runner.Run("update", notebook);

        Assert.True(exitCode == 0, output);
        var owner = ChildProcess.Run("stat", ["-c", "%u:%g", notebook], new Dictionary<string, string>(), "/", TimeSpan.FromSeconds(30));
        Assert.Equal("12345:23456", owner.Output.Trim());
    }

    [Fact]
    public async Task Update_OfAReadOnlyNotebook_ExitsOneSayingPermissionDeniedAndLeavesItAsItWas()
    {
        var notebook = ScratchNotebook.Create("Read Only.ipynb", "Console.WriteLine(42);");
        File.SetUnixFileMode(notebook, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = File.ReadAllBytes(notebook);

        var (exitCode, output) = await Runner.Run("update", notebook);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Read Only.ipynb: not written: Permission denied: {notebook} is read-only (mode 0444); make it writable (chmod u+w) to write it", output);
        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(notebook));
    }

    [Fact]
    public async Task Update_AfterAWriterWasKilledMidWrite_RemovesItsTempFileAndKeepsALiveWritersOne()
    {
        var notebook = ScratchNotebook.Create("Killed.ipynb", "Console.WriteLine(42);");
        var folder = Path.GetDirectoryName(notebook)!;
        using var exited = System.Diagnostics.Process.Start("true")!;
        exited.WaitForExit();
        var stale = Path.Combine(folder, $".Killed.ipynb.{exited.Id}.tmp");
        var live = Path.Combine(folder, ".Killed.ipynb.1.tmp");   // pid 1 is always running
        File.WriteAllText(stale, "half a notebook");
        File.WriteAllText(live, "another writer's notebook");

        var (exitCode, output) = await Runner.Run("update", notebook);

        Assert.True(exitCode == 0, output);
        Assert.False(File.Exists(stale), $"expected {stale} of a dead process to be removed");
        Assert.True(File.Exists(live), $"expected {live} of a running process to be kept");
    }
}
