// Entry point: with no --side, the parent that runs every side of every workload in its own process; with --side, one such child.
using Recurrent.Kernels;

namespace Recurrent.Bench;

/// <summary>
/// <c>bench/run.sh [--workloads S1,S3] [--repeats 2] [--require-targets]</c>. The parent patches TorchSharp's native
/// library, measures the machine's FMA peak, then for each workload starts Recurrent and libtorch processes in turn
/// (R, T, R, T, …), checks that their outputs agree, and prints the table and the summary line.
/// <c>--side recurrent|torch --workload ID [--dump FILE]</c> is the child; the parent passes it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Option("--side") is { } side)
        {
            return SideProcess.Run(side, Workload.Get(Option("--workload") ?? ""), Option("--dump"));
        }

        foreach (var library in Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            if (!ElfVersionPatch.MakeVersionWeak(library, "GLIBCXX_3.4.32"))
            {
                Console.WriteLine($"note: {library} does not ask for GLIBCXX_3.4.32; left as it is");
            }
        }
        var workloads = Option("--workloads") is { } listed ? listed.Split(',').Select(Workload.Get).ToList() : Workload.All;
        var repeats = int.Parse(Option("--repeats") ?? "2", System.Globalization.CultureInfo.InvariantCulture);

        Console.WriteLine($"CPU: {Machine.Cpu()}");
        Console.WriteLine($"Runtime: {Machine.Runtime()}; Recurrent kernel: {SimdKernel.Instance}");
        Console.WriteLine($"Recurrent (TieredCompilation and TieredPGO at their defaults, on): {RecurrentModel.Description}");
        Console.WriteLine($"libtorch (TorchSharp-cpu 0.107.0): {TorchSettings.Describe()}");
        var (one, all) = (FmaPeak.MeasureGflops(1), FmaPeak.MeasureGflops(Environment.ProcessorCount));
        Console.WriteLine($"FMA peak: one core {one:0} GFLOP/s, all {Environment.ProcessorCount} cores {all:0} GFLOP/s");
        Console.WriteLine($"Load average (1 min) at start: {Machine.LoadAverage():0.00}");

        var rows = new List<Comparison.Row>();
        foreach (var workload in workloads)
        {
            var row = Comparison.Run(workload, repeats, all);
            if (row is null)
            {
                return 1;
            }
            rows.Add(row);
        }
        Console.WriteLine($"Load average (1 min) at end: {Machine.LoadAverage():0.00}");
        Console.WriteLine();
        Console.WriteLine(Comparison.Table(rows));
        Console.WriteLine(Comparison.Details(rows));
        var met = rows.Count(r => r.Met);
        Console.WriteLine($"{met}/{rows.Count} targets met");
        return args.Contains("--require-targets") && met < rows.Count ? 2 : 0;
    }
}
