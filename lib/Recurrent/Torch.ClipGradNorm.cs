// torch.nn.utils.clip_grad_norm_: rescales all gradients together so that their joint 2-norm is at most maxNorm.
namespace Recurrent;

public static partial class Torch
{
    /// <summary>
    /// clip_grad_norm_(parameters, max_norm): the total 2-norm of the gradients of <paramref name="parameters"/> (the
    /// 2-norm of their individual 2-norms; parameters without a gradient are skipped), returned as it was before
    /// clipping; every gradient is multiplied in place by min(maxNorm / (total + 1e-6), 1), computed as PyTorch does
    /// (the reciprocal of total + 1e-6 times maxNorm, in float32). A non-finite total makes the gradients non-finite,
    /// as PyTorch's default does. No gradients: returns 0.
    /// </summary>
    public static float ClipGradNorm(IEnumerable<Tensor> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var grads = new List<Tensor>();
        foreach (var parameter in parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            if (parameter.Grad is { } grad)
            {
                grads.Add(grad);
            }
        }
        if (grads.Count == 0)
        {
            return 0f;
        }
        var norms = grads.Select(g => Norm(g.ContiguousStorage())).ToArray();
        var total = Norm(norms);
        var coefficient = MathF.Min(1f / (total + 1e-6f) * maxNorm, 1f);     // clamp(max=1) keeps a NaN
        foreach (var grad in grads)
        {
            foreach (ref var value in grad.ContiguousStorage())
            {
                value *= coefficient;
            }
        }
        return total;
    }

    /// <summary>The 2-norm of float32 values, accumulated in double and rounded once.</summary>
    private static float Norm(ReadOnlySpan<float> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (double)v * v;
        }
        return (float)Math.Sqrt(sum);
    }
}
