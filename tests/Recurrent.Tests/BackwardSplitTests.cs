// A backward pass large enough to run on two threads gives every pair of sequences what it gets alone.
namespace Recurrent.Tests;

public sealed class BackwardSplitTests
{
    // 40 steps · 32 sequences · G gates · 48 units · (16 + 48) inputs ≥ 2^21 multiply-adds: the pass splits; for
    // two sequences it does not. (Pairs, not single sequences: a product of one row runs the micro-kernel's one-row
    // path, which sums in four chains, so a sequence alone can differ in the last bit from the same row in a block.)
    private const int Steps = 40, Batch = 32, Input = 16, Hidden = 48;

    [Theory]
    [InlineData("rnn")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Backward_OfABatchThatSplits_GivesEachPairOfSequencesTheBitsItGetsAloneAndSumsTheWeightGradients(string kind)
    {
        var module = SimdKernelTests.Build(kind, Input, Hidden, 1, bidirectional: false, batchFirst: false);
        var x = SimdKernelTests.RandomTensor(7, Steps, Batch, Input);          // (L, N, H_in)
        var h0 = SimdKernelTests.RandomTensor(8, 1, Batch, Hidden);            // (1, N, H)
        var (xGrad, h0Grad, weights) = Gradients(module, x, h0);

        var alone = new float[weights.Length][];
        for (var n = 0; n < Batch; n += 2)
        {
            var (xOne, h0One, weightsOne) = Gradients(module, x[.., n..(n + 2), ..].Contiguous(), h0[.., n..(n + 2), ..].Contiguous());
            DeterminismTests.AssertSameBits(xGrad[.., n..(n + 2), ..], xOne, $"∂x of sequences {n}, {n + 1}, in the batch (there) and alone (here)");
            DeterminismTests.AssertSameBits(h0Grad[.., n..(n + 2), ..], h0One, $"∂h_0 of sequences {n}, {n + 1}, in the batch (there) and alone (here)");
            for (var p = 0; p < weights.Length; p++)
            {
                alone[p] = alone[p] is { } sum ? [.. sum.Zip(weightsOne[p], (a, b) => a + b)] : weightsOne[p];
            }
        }
        for (var p = 0; p < weights.Length; p++)
        {
            var (batched, summed) = (weights[p], alone[p]);
            for (var i = 0; i < batched.Length; i++)
            {
                Assert.True(Math.Abs(batched[i] - summed[i]) <= 1e-4f * (1 + Math.Abs(summed[i])),
                    $"parameter {p}, element {i}: {batched[i]:R} for the batch, {summed[i]:R} summed over its sequences");
            }
        }
    }

    /// <summary>∂x, ∂h_0 and every parameter's gradient of Σ output² + Σ h_n² (+ Σ c_n² for an LSTM).</summary>
    private static (Tensor X, Tensor H0, float[][] Weights) Gradients(RecurrentModule module, Tensor x, Tensor h0)
    {
        module.ZeroGrad();
        x = x.Detach().RequiresGrad_();
        h0 = h0.Detach().RequiresGrad_();
        var (output, states) = module switch
        {
            Lstm lstm => lstm.Forward(x, (h0, h0 * 0.5f)) is var (o, (h, c)) ? (o, h.Pow(2).Sum() + c.Pow(2).Sum()) : default,
            Gru gru => gru.Forward(x, h0) is var (o, h) ? (o, h.Pow(2).Sum()) : default,
            _ => ((Rnn)module).Forward(x, h0) is var (o, h) ? (o, h.Pow(2).Sum()) : default,
        };
        (output.Pow(2).Sum() + states).Backward();
        return (x.Grad!, h0.Grad!, [.. module.Parameters().Select(p => p.Grad!.ToArray())]);
    }
}
