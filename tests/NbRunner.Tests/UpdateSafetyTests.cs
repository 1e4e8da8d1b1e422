// update never loses a user's file: edits saved during a run, symlinks, modes, owners, read-only files, stale temp files.
namespace NbRunner.Tests;

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
}
