// The command table: the first argument names a command; more commands (export, kernel) plug in here.
namespace NbRunner;

/// <summary>Dispatches <c>verify | update | run</c> (the default is verify) and prints usage for bad input.</summary>
public static class Cli
{
    internal const string Usage = """
        usage: nbrunner <verify|update|run> [paths...] [options]
               nbrunner kernel <install|uninstall>
          paths        .ipynb files or folders (recursive); default: notebooks/
          verify       execute, then compare every code cell's new outputs with the stored ones (default)
          update       execute, then write the new outputs back into the file (atomic: temp file + rename)
          run          execute only; fail on errors (like nbmake)
          --junit FILE JUnit XML: one testsuite per notebook, one testcase per code cell
          -j, --jobs N notebooks in parallel (default: 1)
          --timeout S  per-cell limit in seconds (default 120); a cell over it fails, the run goes on
          --rtol R --atol A   numeric tolerance for verify (defaults 1e-5 and 1e-6)
          export html [paths...] [--out FOLDER]   static site: index.html, a page per notebook, assets/ (default site/)
          export cs [paths...] [--out FOLDER]     each notebook as a .NET 10 file-based app NN-Title.cs (default notebooks/apps/)
          kernel install      write the Jupyter kernelspec rnn-csharp ("C# (Rnn.Notebooks)") into the user's Jupyter data folder
          kernel uninstall    remove that kernelspec again
        exit codes: 0 all passed; 1 a cell failed or an output differs; 2 bad usage or a file that is not a notebook
        """;

    private static readonly Dictionary<string, Func<string[], TextWriter, Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["verify"] = (args, output) => NotebookCommand.RunAsync(NotebookMode.Verify, args, output),
        ["update"] = (args, output) => NotebookCommand.RunAsync(NotebookMode.Update, args, output),
        ["run"] = (args, output) => NotebookCommand.RunAsync(NotebookMode.Run, args, output),
        ["export"] = ExportCommand.RunAsync,
        ["kernel"] = KernelCommand.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["-h" or "--help" or "help", ..])
        {
            await output.WriteLineAsync(Usage);
            return ExitCodes.Passed;
        }
        var (command, rest) = args.Length > 0 && Commands.ContainsKey(args[0]) ? (args[0], args[1..]) : ("verify", args);
        try
        {
            return await Commands[command](rest, output);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"nbrunner: {e.Message}");
            await error.WriteLineAsync(Usage);
            return ExitCodes.Usage;
        }
    }
}
