// torch.optim.Adam (not AdamW): bias-corrected moment estimates, in PyTorch's order of float operations.
namespace Recurrent;

/// <summary>
/// torch.optim.Adam, the single-tensor (for-loop) implementation element by element. For parameter p with gradient
/// g at step t (counted per parameter from 1): g ← g + weight_decay·p; m ← lerp(m, g, 1 − β₁); v ← β₂·v + (1 − β₂)·g²;
/// p ← p − (lr / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε). The scalar factors are computed in double, as Python
/// computes them, and enter the float32 arithmetic rounded, as PyTorch's kernels take them; lerp is PyTorch's
/// (fused, and from the far end for weights of 0.5 and more).
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly double _lr;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly float _eps;
    private readonly float _weightDecay;
    private readonly State?[] _states;

    /// <summary>torch.optim.Adam(params, lr, betas=(beta1, beta2), eps, weight_decay); invalid hyperparameters fail with PyTorch's messages.</summary>
    public Adam(IEnumerable<Tensor> parameters, float lr = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float eps = 1e-8f, float weightDecay = 0f)
        : base(Validate(parameters, lr, beta1, beta2, eps, weightDecay))
    {
        (_lr, _beta1, _beta2) = (AsPython(lr), AsPython(beta1), AsPython(beta2));
        _eps = eps;
        _weightDecay = weightDecay;
        _states = new State?[Parameters.Count];
    }

    private protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> grad)
    {
        var state = _states[index] ??= new State(parameter.Length);
        state.Step++;
        var lerpWeight = (float)(1 - _beta1);
        var squareWeight = (float)(1 - _beta2);
        var beta2 = (float)_beta2;
        var biasCorrection1 = 1 - Math.Pow(_beta1, state.Step);
        var biasCorrection2Sqrt = (float)Math.Sqrt(1 - Math.Pow(_beta2, state.Step));
        var negativeStepSize = (float)-(_lr / biasCorrection1);
        var (m, v) = (state.ExpAvg, state.ExpAvgSq);
        for (var i = 0; i < parameter.Length; i++)
        {
            var g = _weightDecay != 0 ? MathF.FusedMultiplyAdd(parameter[i], _weightDecay, grad[i]) : grad[i];
            m[i] = Math.Abs(lerpWeight) < 0.5f
                ? MathF.FusedMultiplyAdd(lerpWeight, g - m[i], m[i])
                : MathF.FusedMultiplyAdd(lerpWeight - 1f, g - m[i], g);
            v[i] = v[i] * beta2;
            v[i] = v[i] + squareWeight * g * g;                                       // addcmul_(g, g, value=1 - β₂)
            var denom = MathF.Sqrt(v[i]) / biasCorrection2Sqrt + _eps;
            parameter[i] = parameter[i] + negativeStepSize * m[i] / denom;            // addcdiv_(m, denom, value=-step_size)
        }
    }

    private static IEnumerable<Tensor> Validate(IEnumerable<Tensor> parameters, float lr, float beta1, float beta2,
        float eps, float weightDecay)
    {
        if (!(lr >= 0))
        {
            throw Invalid("learning rate", lr, nameof(lr));
        }
        if (!(eps >= 0))
        {
            throw Invalid("epsilon value", eps, nameof(eps));
        }
        if (!(beta1 is >= 0 and < 1))
        {
            throw Invalid("beta parameter at index 0", beta1, nameof(beta1));
        }
        if (!(beta2 is >= 0 and < 1))
        {
            throw Invalid("beta parameter at index 1", beta2, nameof(beta2));
        }
        if (!(weightDecay >= 0))
        {
            throw Invalid("weight_decay value", weightDecay, nameof(weightDecay));
        }
        return parameters;
    }

    /// <summary>One parameter's state: its step count and the two moment estimates (zeros at first).</summary>
    private sealed class State(int length)
    {
        public int Step { get; set; }

        public float[] ExpAvg { get; } = new float[length];

        public float[] ExpAvgSq { get; } = new float[length];
    }
}
