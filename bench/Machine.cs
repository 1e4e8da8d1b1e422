// What the numbers were measured on: CPU vendor, model and cores from lscpu, the runtime, the load, the FMA peak.
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Recurrent.Bench;

internal static class Machine
{
    /// <summary>e.g. "AMD EPYC (AuthenticAMD, family 26, model 2), 2 cores, 1 thread(s) per core".</summary>
    public static string Cpu()
    {
        var fields = Lscpu();
        string Field(string name) => fields.GetValueOrDefault(name, "unknown");
        return $"{Field("Model name")} ({Field("Vendor ID")}, family {Field("CPU family")}, model {Field("Model")}), " +
               $"{Environment.ProcessorCount} cores, {Field("Thread(s) per core")} thread(s) per core";
    }

    public static string Runtime() => $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}";

    /// <summary>The 1-minute load average from /proc/loadavg, or NaN where there is none.</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : double.NaN;

    private static Dictionary<string, string> Lscpu()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true })!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n');
            process.WaitForExit();
            return lines.Where(l => l.Contains(':')).Select(l => l.Split(':', 2))
                .GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }
}
