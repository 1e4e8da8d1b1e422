// Before timing anything: both libraries, given the same weights and input, must agree within 1e-5 on every workload.
namespace Recurrent.Bench;

internal static class Parity
{
    public const float Tolerance = 1e-5f;

    /// <summary>Prints the largest |Recurrent − TorchSharp| per workload; false when any exceeds the tolerance.</summary>
    public static bool Check(IEnumerable<Workload> workloads)
    {
        var ok = true;
        Console.WriteLine($"Parity with TorchSharp (max |difference| over the output sequence, tolerance {Tolerance:0e0}):");
        foreach (var w in workloads)
        {
            using var pair = new ModelPair(w);
            var ours = pair.ForwardRecurrentTensors().ToArray();
            var theirs = pair.ForwardTorchValues();
            var worst = ours.Length == theirs.Length
                ? ours.Zip(theirs, (a, b) => Math.Abs(a - b)).Max()
                : float.PositiveInfinity;
            var pass = worst <= Tolerance;
            ok &= pass;
            Console.WriteLine($"  {w.Id,-8} {worst:0.00e+00}  {(pass ? "ok" : "FAILED")}");
        }
        return ok;
    }
}
