// The machine's float32 FMA ceiling, measured on one core and on all cores at once, so the table can say how close a workload gets.
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Recurrent.Kernels;

namespace Recurrent.Bench;

internal static unsafe class FmaPeak
{
    /// <summary>
    /// GFLOP/s of <paramref name="threads"/> threads at once, each running 12 independent fused multiply-add chains on
    /// the widest vectors Recurrent uses (enough chains to hide FMA latency, so this is throughput): the sum over
    /// threads, best of five runs. Each thread's rate is per second of its own CPU time (getrusage RUSAGE_THREAD),
    /// so a machine busy with other work still reports what its cores can do; where that call is missing, per
    /// second of wall time.
    /// </summary>
    public static double MeasureGflops(int threads)
    {
        var best = 0.0;
        for (var run = 0; run < 5; run++)
        {
            var rates = new double[threads];
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => rates[t] = OneThread())).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            best = Math.Max(best, rates.Sum());
        }
        return best;
    }

    private static double OneThread()
    {
        const long iterations = 20_000_000;
        var watch = Stopwatch.StartNew();
        var cpu = ThreadCpuSeconds();
        var lanes = Math.Max(4, SimdKernel.Instance.VectorBits / 32);
        var sink = lanes switch
        {
            16 => Chains<Simd512, Vector512<float>>(iterations),
            8 => Chains<Simd256, Vector256<float>>(iterations),
            _ => Chains<Simd128, Vector128<float>>(iterations),
        };
        var seconds = cpu is { } start && ThreadCpuSeconds() is { } end && end > start ? end - start : watch.Elapsed.TotalSeconds;
        return sink == 0 ? 0 : iterations * 12 * 2.0 * lanes / seconds / 1e9;
    }

    /// <summary>User plus system CPU seconds of the calling thread, or null where getrusage is not available.</summary>
    private static double? ThreadCpuSeconds()
    {
        const int RusageThread = 1;
        try
        {
            return GetRusage(RusageThread, out var usage) == 0
                ? usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out ResourceUsage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private unsafe fixed long _rest[14];
    }

    private static float Chains<TS, TV>(long n) where TS : struct, ISimd<TV> where TV : struct
    {
        var (a, b) = (TS.Broadcast(1.0001f), TS.Broadcast(0.9999f));
        TV c0 = a, c1 = a, c2 = a, c3 = a, c4 = a, c5 = a, c6 = a, c7 = a, c8 = a, c9 = a, c10 = a, c11 = a;
        for (var i = 0L; i < n; i++)
        {
            c0 = TS.MultiplyAdd(c0, b, a); c1 = TS.MultiplyAdd(c1, b, a); c2 = TS.MultiplyAdd(c2, b, a);
            c3 = TS.MultiplyAdd(c3, b, a); c4 = TS.MultiplyAdd(c4, b, a); c5 = TS.MultiplyAdd(c5, b, a);
            c6 = TS.MultiplyAdd(c6, b, a); c7 = TS.MultiplyAdd(c7, b, a); c8 = TS.MultiplyAdd(c8, b, a);
            c9 = TS.MultiplyAdd(c9, b, a); c10 = TS.MultiplyAdd(c10, b, a); c11 = TS.MultiplyAdd(c11, b, a);
        }
        var sum = TS.Add(TS.Add(TS.Add(c0, c1), TS.Add(c2, c3)), TS.Add(TS.Add(c4, c5), TS.Add(c6, c7)));
        var lanes = stackalloc float[TS.Count];
        TS.Store(TS.Add(sum, TS.Add(TS.Add(c8, c9), TS.Add(c10, c11))), lanes);
        return lanes[0];
    }
}
