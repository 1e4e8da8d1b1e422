// Entry point: patch TorchSharp's native library, check parity, then time Recurrent, TorchSharp and MathNet in one process.
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Recurrent.Kernels;

namespace Recurrent.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench [-- --smoke] [-- --workloads S1,S3]</c>. Everything runs in this one
/// process (BenchmarkDotNet's in-process toolchain), so the three columns share the machine state of one run.
/// <c>--smoke</c> takes a handful of iterations, enough to see that every path works; <c>--skip-naive</c> leaves out
/// the MathNet column (seconds per call on S3) while tuning.
/// </summary>
public static class Program
{
    public static IReadOnlyList<string> SelectedWorkloads { get; private set; } = Workload.All.Select(w => w.Id).ToList();

    public static int Main(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var listed = args.SkipWhile(a => a != "--workloads").Skip(1).FirstOrDefault();
        if (listed is not null)
        {
            SelectedWorkloads = listed.Split(',');
        }
        foreach (var library in Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            if (!ElfVersionPatch.MakeVersionWeak(library, "GLIBCXX_3.4.32"))
            {
                Console.WriteLine($"note: {library} does not ask for GLIBCXX_3.4.32; left as it is");
            }
        }

        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"Recurrent kernel: {SimdKernel.Instance}");
        if (!Parity.Check(SelectedWorkloads.Select(Workload.Get)))
        {
            Console.WriteLine("Parity check failed: not timing results that disagree.");
            return 1;
        }

        var job = (smoke ? Job.Dry.WithIterationCount(3).WithWarmupCount(1) : Job.Default.WithWarmupCount(3).WithIterationCount(15))
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false));
        var config = ManualConfig.CreateMinimumViable().AddJob(job).WithOptions(ConfigOptions.DisableLogFile);
        if (args.Contains("--skip-naive"))
        {
            config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != nameof(ForwardBenchmarks.MathNet)));
        }
        var summary = BenchmarkRunner.Run<ForwardBenchmarks>(config);

        var table = RatioTable.Build(summary);
        Console.WriteLine();
        Console.WriteLine(table);
        var path = Path.Combine(summary.ResultsDirectoryPath, $"ratio-table-{Machine.MallocMode}.md");
        File.WriteAllText(path, Machine.Describe() + "\n\n" + table);
        Console.WriteLine($"written to {path}");
        return 0;
    }
}
