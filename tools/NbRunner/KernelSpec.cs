// The Jupyter kernelspec of the C# kernel: its name, the kernel.json that starts it and the folder Jupyter reads it from.
using System.Text.Json.Nodes;

namespace NbRunner;

/// <summary>
/// <c>kernel install</c> writes <c>kernels/rnn-csharp/kernel.json</c> into the user's Jupyter data folder; its argv
/// starts the NbKernel.dll that ships beside this NbRunner.dll (the runner's build copies the kernel's output into
/// its own) on the dotnet host running this command. Interrupts go as messages on the control channel, which works
/// on every platform.
/// </summary>
internal static class KernelSpec
{
    public const string Name = "rnn-csharp";
    public const string DisplayName = "C# (Rnn.Notebooks)";

    /// <summary>The kernel beside the running NbRunner.dll.</summary>
    public static string KernelDll { get; } = Path.Combine(AppContext.BaseDirectory, "NbKernel.dll");

    /// <summary><c>&lt;Jupyter data folder&gt;/kernels/rnn-csharp</c>.</summary>
    public static string Folder => Path.Combine(JupyterDataFolder(), "kernels", Name);

    public static JsonObject Json() => new()
    {
        ["argv"] = new JsonArray(DotnetHost(), KernelDll, "{connection_file}"),
        ["display_name"] = DisplayName,
        ["language"] = "csharp",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>
    /// The user data folder as jupyter_core finds it: <c>$JUPYTER_DATA_DIR</c>, else <c>%APPDATA%\jupyter</c> on
    /// Windows, <c>~/Library/Jupyter</c> on macOS, <c>$XDG_DATA_HOME/jupyter</c> or <c>~/.local/share/jupyter</c> elsewhere.
    /// </summary>
    private static string JupyterDataFolder()
    {
        static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Variable("JUPYTER_DATA_DIR") is { } configured ? Path.GetFullPath(configured)
            : OperatingSystem.IsWindows() ? Path.Combine(Variable("APPDATA") ?? home, "jupyter")
            : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Jupyter")
            : Path.Combine(Variable("XDG_DATA_HOME") ?? Path.Combine(home, ".local", "share"), "jupyter");
    }

    /// <summary>The dotnet executable of the runtime this process runs on (…/dotnet/shared/Microsoft.NETCore.App/10.x → …/dotnet/dotnet).</summary>
    private static string DotnetHost()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var host = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(host) ? host : "dotnet";
    }
}
