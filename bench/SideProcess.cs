// A child process: one side (Recurrent or libtorch) of one workload, timed alone; prints one result line for the parent.
using System.Text.Json;

namespace Recurrent.Bench;

internal static class SideProcess
{
    public const string Recurrent = "recurrent";
    public const string Torch = "torch";
    public const string ResultPrefix = "result ";

    /// <summary>Builds the side's call, writes its result for the parity check when asked, times it, prints the timing.</summary>
    public static int Run(string side, Workload workload, string? dumpPath)
    {
        using (var call = side == Torch ? workload.CreateTorch() : workload.CreateRecurrent())
        {
            if (dumpPath is not null)
            {
                File.WriteAllBytes(dumpPath, System.Runtime.InteropServices.MemoryMarshal.AsBytes(call.Result().AsSpan()).ToArray());
            }
            var timing = Timer.Measure(call.Call);
            if (call.CallReusingOutputs is { } reusing)
            {
                timing = timing with { ReusingMedianNs = Timer.Measure(reusing).BestMedianNs };
            }
            if (side == Recurrent && LoadedLibtorch() is { } what)
            {
                Console.Error.WriteLine($"expected the Recurrent process never to load libtorch, but it loaded {what}");
                return 1;
            }
            Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(timing));
        }
        return 0;
    }

    /// <summary>TorchSharp's assembly or a libtorch shared object in this process, or null when neither is there.</summary>
    private static string? LoadedLibtorch()
    {
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "TorchSharp") is { } assembly)
        {
            return assembly.FullName;
        }
        return File.Exists("/proc/self/maps")
            ? File.ReadLines("/proc/self/maps").FirstOrDefault(l => l.Contains("libtorch", StringComparison.Ordinal))
            : null;
    }
}
