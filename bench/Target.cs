// A workload's target: a speed-up over libtorch, or a fraction of the measured FMA peak of all cores.
using System.Globalization;

namespace Recurrent.Bench;

internal abstract record Target
{
    /// <summary>Latency-bound work: TorchSharp time / Recurrent time at least this.</summary>
    public static Target Ratio(double atLeast) => new RatioTarget(atLeast);

    /// <summary>GEMM-bound work: Recurrent's GFLOP/s at least this fraction of the all-core FMA peak.</summary>
    public static Target OfPeak(double atLeast) => new PeakTarget(atLeast);

    public abstract bool IsMet(double ratio, double fractionOfPeak);

    private sealed record RatioTarget(double AtLeast) : Target
    {
        public override bool IsMet(double ratio, double fractionOfPeak) => ratio >= AtLeast;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"≥ {AtLeast:0.#}×");
    }

    private sealed record PeakTarget(double AtLeast) : Target
    {
        public override bool IsMet(double ratio, double fractionOfPeak) => fractionOfPeak >= AtLeast;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"≥ {AtLeast * 100:0} % of peak");
    }
}
