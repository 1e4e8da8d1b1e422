// Times one side's call: warm up until the JIT has settled, then the best of several round medians, with GC and page-fault counts.
using System.Diagnostics;

namespace Recurrent.Bench;

/// <summary>What one process measured for one side of one workload.</summary>
internal sealed record Timing(
    double BestMedianNs,        // the fastest round's median time per call, after warm-up
    double FirstMedianNs,       // the first round's median: what a short warm-up would have read
    int WarmupRounds,
    double WarmupSeconds,
    int CallsPerRound,
    double AllocatedBytesPerCall,
    double Gen2PerThousandCalls,
    double PageFaultsPerCall)
{
    /// <summary>The best median of the call that reuses its outputs, when the side has one: the rest is allocation and GC.</summary>
    public double? ReusingMedianNs { get; init; }
}

internal static class Timer
{
    private const double RoundSeconds = 0.25;
    private const double SampleNs = 20_000;           // calls shorter than this are timed in groups
    private const double MinWarmupSeconds = 2;        // tier-1 promotion waits 100 ms after 30 calls, OSR and PGO after
    private const double MaxWarmupSeconds = 60;
    private const int StaleRounds = 5;                // settled: this many rounds in a row without a 1 % better median
    private const int MeasuredRounds = 7;

    /// <summary>
    /// Warm-up: rounds of about a quarter second each, until <see cref="StaleRounds"/> rounds in a row bring no median
    /// at least 1 % below the best so far (and at least two seconds have passed: .NET compiles a method again,
    /// optimised and with profile data (TieredPGO, on by default), only after 30 calls and a 100 ms delay, and loops
    /// move over by on-stack replacement). Then <see cref="MeasuredRounds"/> rounds, of which the fastest median counts.
    /// </summary>
    public static Timing Measure(Action call)
    {
        var perCall = Calibrate(call);
        var group = (int)Math.Max(1, Math.Ceiling(SampleNs / perCall));
        var samples = (int)Math.Clamp(RoundSeconds * 1e9 / (perCall * group), 5, 2001);

        var warmup = Stopwatch.StartNew();
        var first = Round(call, group, samples);
        var best = first;
        var (rounds, stale) = (1, 0);
        while (warmup.Elapsed.TotalSeconds < MaxWarmupSeconds && (stale < StaleRounds || warmup.Elapsed.TotalSeconds < MinWarmupSeconds))
        {
            var median = Round(call, group, samples);
            rounds++;
            (best, stale) = median < best * 0.99 ? (median, 0) : (Math.Min(best, median), stale + 1);
        }
        var warmupSeconds = warmup.Elapsed.TotalSeconds;

        var (gen2, faults, allocated) = (GC.CollectionCount(2), MinorFaults(), GC.GetTotalAllocatedBytes(precise: true));
        var measured = Enumerable.Range(0, MeasuredRounds).Select(_ => Round(call, group, samples)).Min();
        double calls = (double)MeasuredRounds * group * samples;
        return new Timing(measured, first, rounds, warmupSeconds, group * samples,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / calls,
            (GC.CollectionCount(2) - gen2) * 1000.0 / calls,
            (MinorFaults() - faults) / calls);
    }

    /// <summary>Nanoseconds per call, from calls made for a fifth of a second (at least three).</summary>
    private static double Calibrate(Action call)
    {
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (calls < 3 || watch.Elapsed.TotalSeconds < 0.2)
        {
            call();
            calls++;
        }
        return watch.Elapsed.TotalNanoseconds / calls;
    }

    /// <summary>The median over <paramref name="samples"/> samples of the time per call, each sample timing <paramref name="group"/> calls.</summary>
    private static double Round(Action call, int group, int samples)
    {
        var times = new double[samples];
        for (var s = 0; s < samples; s++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < group; i++)
            {
                call();
            }
            times[s] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / group;
        }
        Array.Sort(times);
        return times[samples / 2];
    }

    /// <summary>This process's minor page faults so far (field 10 of /proc/self/stat); 0 where there is no /proc.</summary>
    private static long MinorFaults()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // fields from 3 on; the name may hold spaces
        return long.Parse(fields[10 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
