// One background thread that takes the second half of large work, handed over without allocating.
using System.Runtime.ExceptionServices;

namespace Recurrent.Kernels;

/// <summary>Work that splits into two independent halves.</summary>
internal interface ISplitWork
{
    void RunPart(int part);
}

internal static class HelperThread
{
    /// <summary>Below about this many multiply-adds a thread hand-off costs more than it saves.</summary>
    private const long ParallelWork = 1L << 21;

    /// <summary>
    /// Whether one direction's pass over (L, N) is worth splitting into batch halves: two rows or more and about
    /// L·N·G·H·(H_in + H) multiply-adds (its products) past <see cref="ParallelWork"/>. Sizes alone decide, never the
    /// machine, so a split pass computes the same bits everywhere.
    /// </summary>
    public static bool WorthSplitting(CellKind kind, int seqLen, int batch, int inputSize, int hiddenSize) =>
        batch >= 2 && (long)seqLen * batch * kind.GateCount() * hiddenSize * (inputSize + hiddenSize) >= ParallelWork;

    private static readonly ManualResetEventSlim Start = new(false);
    private static readonly ManualResetEventSlim Done = new(false);
    private static readonly Lazy<Thread> Thread = new(StartThread);
    private static ISplitWork? _work;
    private static Exception? _error;
    private static int _busy;

    /// <summary>Bytes the helper thread has allocated so far, updated after each part it runs (for allocation tests).</summary>
    public static long AllocatedBytes { get; private set; }

    /// <summary>
    /// Runs part 0 on the calling thread and part 1 on the helper, and returns when both are done. When the machine
    /// has one core, or the helper is already busy for another caller, both parts run here, one after the other.
    /// </summary>
    public static void RunBoth(ISplitWork work)
    {
        if (Environment.ProcessorCount < 2 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            work.RunPart(0);
            work.RunPart(1);
            return;
        }
        try
        {
            _ = Thread.Value;
            _work = work;
            _error = null;
            Done.Reset();
            Start.Set();
            try
            {
                work.RunPart(0);
            }
            finally
            {
                Done.Wait();
            }
            if (_error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }
        }
        finally
        {
            _work = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Recurrent helper" };
        thread.Start();
        // A blocking wait makes the event create its lock object; do it now, so no forward call allocates it later.
        Done.Wait(1);
        return thread;
    }

    private static void Loop()
    {
        while (true)
        {
            Start.Wait();
            Start.Reset();
            try
            {
                _work!.RunPart(1);
            }
            catch (Exception e)
            {
                _error = e;
            }
            AllocatedBytes = GC.GetAllocatedBytesForCurrentThread();
            Done.Set();
        }
    }
}
