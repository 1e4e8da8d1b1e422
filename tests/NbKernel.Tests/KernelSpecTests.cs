// `nbrunner kernel install|uninstall`: the kernelspec Jupyter lists, and removing it again.
using System.Text.Json.Nodes;

namespace NbKernel.Tests;

[Collection(JupyterCollection.Name)]
public sealed class KernelSpecTests(JupyterHome home)
{
    [Fact]
    public void KernelInstall_WritesAKernelspecThatStartsTheBuiltKernelAndJupyterListsIt()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(home.KernelSpecFolder, "kernel.json")))!;
        var listed = home.KernelSpecs()[JupyterHome.KernelName];

        Assert.Equal("C# (Rnn.Notebooks)", (string?)spec["display_name"]);
        Assert.Equal("csharp", (string?)spec["language"]);
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(3, argv.Count);
        Assert.True(File.Exists(argv[0]), $"expected argv[0] to be the dotnet host, got {argv[0]}");
        Assert.Equal("NbKernel.dll", Path.GetFileName(argv[1]));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "NbKernel.dll"), argv[1]);
        Assert.True(File.Exists(argv[1]), $"expected argv[1] to be the kernel beside the runner, got {argv[1]}");
        Assert.Equal("{connection_file}", argv[2]);
        Assert.NotNull(listed);
        Assert.Equal(home.KernelSpecFolder, (string?)listed["resource_dir"]);
    }

    [Fact]
    public void KernelUninstall_RemovesTheKernelspecAndSaysSoWhenNothingIsLeft()
    {
        using var own = new JupyterHome();

        var removed = own.NbRunner("kernel", "uninstall");
        var again = own.NbRunner("kernel", "uninstall");
        var listed = own.KernelSpecs();

        Assert.Equal(0, removed.ExitCode);
        Assert.Contains($"removed the Jupyter kernel rnn-csharp from {own.KernelSpecFolder}", removed.Output);
        Assert.False(Directory.Exists(own.KernelSpecFolder));
        Assert.False(listed.ContainsKey(JupyterHome.KernelName));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("was not installed", again.Output);
    }

    [Fact]
    public void Kernel_WithAnUnknownSubcommand_ExitsTwoAndSaysWhatWasExpected()
    {
        var run = home.NbRunner("kernel", "frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nbrunner: expected 'kernel install' or 'kernel uninstall', got 'kernel frobnicate'", run.Error);
    }
}
