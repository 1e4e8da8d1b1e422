// What the numbers were measured on: CPU model and cores from lscpu, the runtime, the SIMD width and the malloc mode.
using System.Diagnostics;
using System.Runtime.InteropServices;
using Recurrent.Kernels;

namespace Recurrent.Bench;

internal static class Machine
{
    /// <summary>"tuned" when GLIBC_TUNABLES raises glibc's mmap and trim thresholds, else "default".</summary>
    public static string MallocMode =>
        Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("mmap_threshold") == true ? "tuned" : "default";

    private static readonly Lazy<string> Description = new(Measure);

    /// <summary>Measured once per process, at the first call.</summary>
    public static string Describe() => Description.Value;

    private static string Measure() =>
        $"CPU: {Lscpu("Model name")}, {Environment.ProcessorCount} cores ({Lscpu("Thread(s) per core")} thread(s) per core)\n" +
        $"Runtime: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}\n" +
        $"Recurrent SIMD width: {SimdKernel.Instance.VectorBits} bits; measured FMA peak of one core: {FmaPeak.MeasureGflops():0} GFLOP/s\n" +
        $"malloc: {MallocMode} (GLIBC_TUNABLES={Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "unset"})";

    private static string Lscpu(string field)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true })!;
            var line = process.StandardOutput.ReadToEnd().Split('\n').FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            process.WaitForExit();
            return line?[(field.Length + 1)..].Trim() ?? "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no lscpu)";
        }
    }
}
