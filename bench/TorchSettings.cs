// libtorch at its best: intra-op threads = cores, one inter-op thread, and glibc's allocator kept off mmap (set by the parent).
using TorchSharp;

namespace Recurrent.Bench;

internal static class TorchSettings
{
    /// <summary>
    /// The environment the parent gives a libtorch process. glibc serves blocks above its mmap threshold (128 KiB,
    /// at most 32 MiB) with a fresh mmap and unmaps them on free, so every libtorch output (1.6 MB on S2, 52 MB on
    /// S3) is page-faulted in anew on each call; MALLOC_MMAP_MAX_=0 keeps every block on the heap, and the trim
    /// threshold and top pad keep the heap from shrinking and growing between calls. OMP_NUM_THREADS: libtorch's
    /// OpenMP pool (libgomp) uses every core.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_MMAP_MAX_"] = "0",
        ["MALLOC_TRIM_THRESHOLD_"] = "4294967296",
        ["MALLOC_TOP_PAD_"] = "268435456",
        ["OMP_NUM_THREADS"] = System.Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static void Apply()
    {
        torch.set_num_threads(System.Environment.ProcessorCount);
        torch.set_num_interop_threads(1);
    }

    public static string Describe() =>
        string.Join(" ", Environment.Select(e => $"{e.Key}={e.Value}")) +
        $", torch.set_num_threads({System.Environment.ProcessorCount}), torch.inference_mode() and eval() for forward rows";
}
