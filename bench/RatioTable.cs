// The table the issue asks for: medians of the three columns per workload and the TorchSharp / Recurrent ratio vs its target.
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Recurrent.Bench;

internal static class RatioTable
{
    public static string Build(Summary summary)
    {
        var medians = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(
                r => (Workload: (string)r.BenchmarkCase.Parameters["Workload"], Method: r.BenchmarkCase.Descriptor.WorkloadMethod.Name),
                r => r.ResultStatistics!.Median);
        var text = new StringBuilder()
            .AppendLine("| workload | Recurrent (SIMD) | TorchSharp | MathNet (naive) | TorchSharp / Recurrent | target | met | Recurrent GFLOP/s |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var id in Program.SelectedWorkloads)
        {
            var w = Workload.Get(id);
            var ours = medians.GetValueOrDefault((id, "Recurrent"), double.NaN);
            var torch = medians.GetValueOrDefault((id, "TorchSharp"), double.NaN);
            var naive = medians.GetValueOrDefault((id, "MathNet"), double.NaN);
            var ratio = torch / ours;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {id} | {Time(ours)} | {Time(torch)} | {Time(naive)} | {ratio:0.00}× | ≥ {w.Target}× | {(ratio >= w.Target ? "yes" : "no")} | {w.Flops / ours:0.0} |");
        }
        return text.ToString();
    }

    /// <summary>A duration given in nanoseconds, in the unit that keeps it readable.</summary>
    private static string Time(double ns) => ns switch
    {
        double.NaN => "—",
        < 1e3 => string.Create(CultureInfo.InvariantCulture, $"{ns:0} ns"),
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:0.00} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:0.00} ms"),
    };
}
