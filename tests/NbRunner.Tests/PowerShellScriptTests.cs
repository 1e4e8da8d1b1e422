// nbrunner.ps1 run by a hosted PowerShell (System.Management.Automation), as PowerShell itself is not installable here.
using System.Management.Automation;

namespace NbRunner.Tests;

public sealed class PowerShellScriptTests
{
    [Fact]
    public void Script_WhenNotebookPasses_BuildsRunsWritesJUnitAndExitsZero()
    {
        var junit = Path.Combine(Directory.CreateTempSubdirectory("nbrunner-ps1-").FullName, "out.xml");

        var (exitCode, output) = RunScript(("Mode", "verify"), ("Path", new[] { Runner.Fixture("Tolerance Pass.ipynb") }), ("JUnit", junit), ("Jobs", 1));

        Assert.True(exitCode == 0, output);
        Assert.Contains("PASS  Tolerance Pass.ipynb", output);
        Assert.True(File.Exists(junit), $"expected the JUnit file at {junit}");
    }

    [Fact]
    public void Script_WhenOutputDiffers_PassesExitCodeOneThrough()
    {
        var (exitCode, output) = RunScript(("Mode", "verify"), ("Path", new[] { Runner.Fixture("Mismatch.ipynb") }));

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  Mismatch.ipynb", output);
    }

    private static (int ExitCode, string Output) RunScript(params (string Name, object Value)[] parameters)
    {
        // CreateDefault2 loads only the engine's core commands: no console host snap-in, which a test has not got.
        using var shell = PowerShell.Create(System.Management.Automation.Runspaces.InitialSessionState.CreateDefault2());
        var command = shell.AddCommand(RepositoryRoot.File("nbrunner.ps1"));
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }
        var output = string.Join("\n", shell.Invoke().Select(o => o?.ToString()));
        var errors = string.Join("\n", shell.Streams.Error.Select(e => e.ToString()));
        var exitCode = shell.Runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int code ? code : -1;
        return (exitCode, output + "\n" + errors);
    }
}
