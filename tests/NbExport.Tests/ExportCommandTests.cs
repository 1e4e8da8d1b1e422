// The export command line: formats, options and bad input, with the exit codes of the other commands.
namespace NbExport.Tests;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_UnknownFormat_IsAUsageErrorNamingWhatWasGiven()
    {
        var (exitCode, output) = await Run("export", "pdf");

        Assert.Equal(2, exitCode);
        Assert.Contains("nbrunner: expected `export html` or `export cs`, got `export pdf`", output);
    }

    [Fact]
    public async Task Export_NotANotebook_ReportsFileLineAndColumnAndWritesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("nbexport-cli-").FullName;
        var broken = Path.Combine(folder, "broken.ipynb");
        await File.WriteAllTextAsync(broken, "{\"cells\": [");
        var apps = Path.Combine(folder, "apps");

        var (exitCode, output) = await Run("export", "cs", broken, "--out", apps);

        Assert.Equal(2, exitCode);
        Assert.Contains($"nbrunner export: {broken}:1:", output);
        Assert.False(Directory.Exists(apps));
    }

    [Fact]
    public async Task ExportCs_WritesOneAppPerNotebookIntoTheGivenFolder()
    {
        var notebook = FixtureNotebook.Write("01-Hello.ipynb", [FixtureCell.Markdown("# Hello"), FixtureCell.Code("\"hello\"")]);
        var apps = Path.Combine(notebook.Directory, "apps");

        var (exitCode, output) = await Run("export", "cs", notebook.Path, "--out", apps);

        Assert.Equal(0, exitCode);
        Assert.Contains($"wrote {Path.Combine(apps, "01-Hello.cs")}", output);
        Assert.Contains("display(\"hello\", \"\\\"hello\\\"\");", await File.ReadAllTextAsync(Path.Combine(apps, "01-Hello.cs")));
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var exitCode = await NbRunner.Cli.RunAsync(args, output, output);
        return (exitCode, output.ToString());
    }
}
