// Runs a file-based app the way a reader would, `dotnet run <file>.cs` in its folder, and captures what it prints.
using System.Diagnostics;

namespace NbExport.Tests;

internal sealed record AppRun(int ExitCode, string Output, string Errors, TimeSpan Elapsed);

internal static class DotnetRun
{
    public static async Task<AppRun> RunAsync(string app, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", ["run", Path.GetFileName(app)])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"expected `dotnet run \"{Path.GetFileName(app)}\"` to finish within {timeout.TotalSeconds} s, but it was still running");
        }
        return new AppRun(process.ExitCode, await output, await errors, clock.Elapsed);
    }
}
