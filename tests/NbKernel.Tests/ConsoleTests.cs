// jupyter console, which prints only text/plain, shows what the cells show: a tensor as PyTorch prints it, values by their plain text.
namespace NbKernel.Tests;

[Collection(JupyterCollection.Name)]
public sealed class ConsoleTests(JupyterHome home)
{
    [Fact]
    public void JupyterConsole_WhenCellsEndInATensorAndANumber_PrintsTheirTextAsOutputs()
    {
        var lib = RepositoryRoot.File("lib");
        var input = string.Join('\n',
            $"#r \"{lib}/Recurrent/bin/Release/net8.0/Recurrent.dll\"",
            $"#r \"{lib}/Recurrent.Interactive/bin/Release/net8.0/Recurrent.Interactive.dll\"",
            "Recurrent.Interactive.TensorFormatting.Register();",
            "Recurrent.Torch.Arange(1, 4).View(3, 1)",
            "6 * 7",
            "");

        var run = home.Run(JupyterHome.Jupyter, ["console", "--kernel", JupyterHome.KernelName, "--simple-prompt"], input);

        Assert.True(run.ExitCode == 0, $"expected jupyter console to end at the end of its input, got {run}");
        Assert.Contains("Out[4]: \ntensor([[1.],\n        [2.],\n        [3.]])\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("Out[5]: 42\n", run.Output.ReplaceLineEndings("\n"));
    }
}
