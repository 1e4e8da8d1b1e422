// Runs a file-based app the way a reader would, `dotnet run <file>.cs` in its folder, and captures what it prints.
namespace NbExport.Tests;

internal static class DotnetRun
{
    private static readonly Dictionary<string, string> QuietCli = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>On a pool thread, since the run waits for a restore and a build.</summary>
    public static Task<ProcessResult> RunAsync(string app, TimeSpan timeout) => Task.Run(() =>
        ChildProcess.Run("dotnet", ["run", Path.GetFileName(app)], QuietCli, Path.GetDirectoryName(app)!, timeout));
}
