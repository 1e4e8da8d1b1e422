// Runs the command line in this process on fixture notebooks and captures what it prints.
namespace NbRunner.Tests;

internal static class Runner
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var exitCode = await Cli.RunAsync(args, output, output);
        return (exitCode, output.ToString());
    }

    /// <summary>A private copy of a fixture, for commands that write files.</summary>
    public static string Copy(string name)
    {
        var folder = Directory.CreateTempSubdirectory("nbrunner-test-").FullName;
        var copy = Path.Combine(folder, Path.GetFileName(name));
        File.Copy(Fixture(name), copy);
        return copy;
    }
}
