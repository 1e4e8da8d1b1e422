// `nbrunner kernel install|uninstall`: registers the C# Jupyter kernel for this user, or removes it again.
using System.Text;
using System.Text.Json;
using NbEngine.Files;

namespace NbRunner;

internal static class KernelCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var folder = KernelSpec.Folder;
        switch (args)
        {
            case ["install"]:
                if (!File.Exists(KernelSpec.KernelDll))
                {
                    throw new UsageException($"expected the built kernel at {KernelSpec.KernelDll}, but there is no such file (build tools/NbRunner, which copies the kernel beside itself)");
                }
                Directory.CreateDirectory(folder);
                AtomicFile.Write(Path.Combine(folder, "kernel.json"), Encoding.UTF8.GetBytes(KernelSpec.Json().ToJsonString(Indented) + "\n"));
                await output.WriteLineAsync($"installed the Jupyter kernel {KernelSpec.Name} (\"{KernelSpec.DisplayName}\") in {folder}");
                return ExitCodes.Passed;
            case ["uninstall"]:
                var installed = Directory.Exists(folder);
                if (installed)
                {
                    Directory.Delete(folder, recursive: true);
                }
                await output.WriteLineAsync(installed
                    ? $"removed the Jupyter kernel {KernelSpec.Name} from {folder}"
                    : $"the Jupyter kernel {KernelSpec.Name} was not installed (no {folder}); nothing to remove");
                return ExitCodes.Passed;
            default:
                throw new UsageException($"expected 'kernel install' or 'kernel uninstall', got 'kernel{string.Concat(args.Select(a => " " + a))}'");
        }
    }
}
