// The collection verifies with AVX2 switched off in the runtime: the 128-bit kernels with FMA in software, as an older CPU runs them.
namespace Notebooks.Tests;

/// <summary>
/// The stored outputs were made on an AVX-512 machine. <c>DOTNET_EnableAVX2=0</c> makes this process's runtime
/// report no 256- or 512-bit vectors and no FMA, so the library takes its 128-bit path (ARM's width) with each fused
/// multiply-add done in software, and every notebook must still verify. A probe notebook in the same run fails
/// unless the switch took effect, so the test cannot pass by running the default path.
/// </summary>
public class NarrowVectorPathTests
{
    private const string Probe = """
        {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {"dotnet_interactive": {"language": "csharp"}},
          "outputs": [], "source": ["if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated || System.Runtime.Intrinsics.X86.Fma.IsSupported)\n",
          "    throw new Exception(\"expected DOTNET_EnableAVX2=0 to switch 256-bit vectors and FMA off\");"]}],
         "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
          "language_info": {"name": "polyglot-notebook"}},
         "nbformat": 4, "nbformat_minor": 5}
        """;

    [Fact]
    public void Verify_WithAvx2SwitchedOff_ReproducesEveryStoredOutput()
    {
        var folder = Directory.CreateTempSubdirectory("narrow-path-");
        try
        {
            var probe = Path.Combine(folder.FullName, "Probe.ipynb");
            File.WriteAllText(probe, Probe);

            var result = ChildProcess.Run("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "NbRunner.dll"), "verify", CourseNotebooks.Directory, probe],
                new Dictionary<string, string> { ["DOTNET_EnableAVX2"] = "0" }, RepositoryRoot.Path, TimeSpan.FromMinutes(10));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"notebooks: {CourseNotebooks.Names.Count + 1} passed, 0 failed", result.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
