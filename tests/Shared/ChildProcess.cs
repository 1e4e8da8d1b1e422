// Runs a program to its end with extra environment variables (and optionally text on its stdin), capturing what it prints; a hung one is killed.
using System.Diagnostics;

namespace TestSupport;

public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

internal static class ChildProcess
{
    public static ProcessResult Run(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeSpan timeout,
        string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"expected {program} to start, but Process.Start returned nothing");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException(
                $"expected {program} {string.Join(' ', start.ArgumentList)} to finish within {timeout.TotalSeconds} s; killed it\n"
                + new ProcessResult(-1, output.Result, error.Result));
        }
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
