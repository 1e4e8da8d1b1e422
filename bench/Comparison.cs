// One workload compared: its sides timed in alternating processes, their outputs checked against each other, one table row.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Recurrent.Bench;

internal static class Comparison
{
    internal sealed record Row(Workload Workload, Timing Recurrent, Timing Torch, double PeakGflops, float Parity)
    {
        public double Ratio => Torch.BestMedianNs / Recurrent.BestMedianNs;

        public double Gflops => Workload.Flops / Recurrent.BestMedianNs;

        public double FractionOfPeak => Gflops / PeakGflops;

        /// <summary>The workload's own target, and Recurrent never slower than libtorch.</summary>
        public bool Met => Workload.Target.IsMet(Ratio, FractionOfPeak) && Ratio >= 1;
    }

    /// <summary>Runs R, T, R, T, … (<paramref name="repeats"/> processes per side); null (reported) when anything failed.</summary>
    public static Row? Run(Workload workload, int repeats, double peakGflops)
    {
        var dumps = (Ours: Path.GetTempFileName(), Theirs: Path.GetTempFileName());
        try
        {
            Timing? ours = null, theirs = null;
            for (var r = 0; r < repeats; r++)
            {
                var recurrent = Child(SideProcess.Recurrent, workload, r == 0 ? dumps.Ours : null);
                var torch = Child(SideProcess.Torch, workload, r == 0 ? dumps.Theirs : null);
                if (recurrent is null || torch is null)
                {
                    return null;
                }
                ours = Best(ours, recurrent);
                theirs = Best(theirs, torch);
                Console.WriteLine(Inv($"  {workload.Id,-8} round {r + 1}: Recurrent {Time(recurrent.BestMedianNs)} (warm-up {recurrent.WarmupRounds} rounds, {recurrent.WarmupSeconds:0.0} s), libtorch {Time(torch.BestMedianNs)} (warm-up {torch.WarmupRounds} rounds, {torch.WarmupSeconds:0.0} s)"));
            }
            var parity = workload.ParityError(
                MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(dumps.Ours)), MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(dumps.Theirs)));
            if (!(parity <= workload.ParityTolerance))
            {
                Console.WriteLine(Inv($"{workload.Id}: results differ by {parity:0.00e+00}, more than {workload.ParityTolerance:0e0}; not reporting times of results that disagree"));
                return null;
            }
            return new Row(workload, ours!, theirs!, peakGflops, parity);
        }
        finally
        {
            File.Delete(dumps.Ours);
            File.Delete(dumps.Theirs);
        }
    }

    public static string Table(IEnumerable<Row> rows)
    {
        var text = new StringBuilder()
            .AppendLine("| workload | TorchSharp | Recurrent | ratio | Recurrent GFLOP/s | of FMA peak (all cores) | target | met |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(Inv($"| {r.Workload.Id} | {Time(r.Torch.BestMedianNs)} | {Time(r.Recurrent.BestMedianNs)} | {r.Ratio:0.00}× | {r.Gflops:0.0} | {r.FractionOfPeak * 100:0} % | {r.Workload.Target} | {(r.Met ? "yes" : "**no**")} |"));
        }
        return text.ToString();
    }

    /// <summary>
    /// Per side: the first round's median (a short warm-up's reading), allocation, GC and page faults per call, and
    /// for Recurrent the same pass with reused outputs (Forward(…, into:)), whose difference is what allocating costs.
    /// </summary>
    public static string Details(IEnumerable<Row> rows)
    {
        var text = new StringBuilder()
            .AppendLine("| workload | side | first-round median | warm-up | allocated / call | gen-2 GCs / 1000 calls | page faults / call | reusing outputs | parity |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            foreach (var (side, t) in new[] { ("Recurrent", r.Recurrent), ("libtorch", r.Torch) })
            {
                text.AppendLine(Inv($"| {r.Workload.Id} | {side} | {Time(t.FirstMedianNs)} | {t.WarmupRounds} rounds, {t.WarmupSeconds:0.0} s | {Bytes(t.AllocatedBytesPerCall)} | {t.Gen2PerThousandCalls:0.#} | {t.PageFaultsPerCall:0.#} | {(t.ReusingMedianNs is { } reusing ? Time(reusing) : "—")} | {r.Parity:0.0e+00} |"));
            }
        }
        return text.ToString();
    }

    private static Timing Best(Timing? a, Timing b) => a is null || b.BestMedianNs < a.BestMedianNs ? b : a;

    /// <summary>Starts this program as one side's child and reads its result line; null (reported) when it failed.</summary>
    private static Timing? Child(string side, Workload workload, string? dump)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(Program).Assembly.Location, "--side", side, "--workload", workload.Id })
        {
            start.ArgumentList.Add(argument);
        }
        if (dump is not null)
        {
            start.ArgumentList.Add("--dump");
            start.ArgumentList.Add(dump);
        }
        if (side == SideProcess.Torch)
        {
            foreach (var (name, value) in TorchSettings.Environment)
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(SideProcess.ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            Console.WriteLine($"{workload.Id}: the {side} process failed (exit code {process.ExitCode})\n{output}{error.Result}");
            return null;
        }
        return JsonSerializer.Deserialize<Timing>(line[SideProcess.ResultPrefix.Length..]);
    }

    /// <summary>A duration given in nanoseconds, in the unit that keeps it readable.</summary>
    private static string Time(double ns) => ns switch
    {
        < 1e3 => Inv($"{ns:0} ns"),
        < 1e6 => Inv($"{ns / 1e3:0.00} µs"),
        _ => Inv($"{ns / 1e6:0.00} ms"),
    };

    private static string Bytes(double b) => b switch
    {
        < 1024 => Inv($"{b:0} B"),
        < 1 << 20 => Inv($"{b / 1024:0.0} KiB"),
        _ => Inv($"{b / (1 << 20):0.0} MiB"),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
