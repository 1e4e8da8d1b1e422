// torch.optim.SGD: stochastic gradient descent with momentum, dampening, Nesterov and weight decay, in PyTorch's order.
namespace Recurrent;

/// <summary>
/// torch.optim.SGD, the single-tensor (for-loop) implementation element by element, for each parameter p with
/// gradient g: g ← g + weight_decay·p; with momentum, the buffer b ← g on the first step (no dampening) and
/// b ← momentum·b + (1 − dampening)·g after; g ← g + momentum·b (Nesterov) or g ← b; then p ← p − lr·g.
/// Additions with a factor are fused multiply-adds, as PyTorch's vectorised add with alpha computes them.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly float _lr;
    private readonly float _momentum;
    private readonly float _dampeningComplement;
    private readonly float _weightDecay;
    private readonly bool _nesterov;
    private readonly float[]?[] _momentumBuffers;

    /// <summary>torch.optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov); invalid hyperparameters fail with PyTorch's messages.</summary>
    public Sgd(IEnumerable<Tensor> parameters, float lr, float momentum = 0f, float dampening = 0f,
        float weightDecay = 0f, bool nesterov = false)
        : base(Validate(parameters, lr, momentum, dampening, weightDecay, nesterov))
    {
        // Python computes -lr and 1 - dampening in double; the kernels then use them as float32.
        _lr = (float)-AsPython(lr);
        _momentum = momentum;
        _dampeningComplement = (float)(1 - AsPython(dampening));
        _weightDecay = weightDecay;
        _nesterov = nesterov;
        _momentumBuffers = new float[]?[Parameters.Count];
    }

    private protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> grad)
    {
        var step = grad.ToArray();                                                  // d_p: never p.grad itself
        if (_weightDecay != 0)
        {
            for (var i = 0; i < step.Length; i++)
            {
                step[i] = MathF.FusedMultiplyAdd(parameter[i], _weightDecay, step[i]);   // grad.add(param, alpha=wd)
            }
        }
        if (_momentum != 0)
        {
            if (_momentumBuffers[index] is not { } buffer)
            {
                buffer = _momentumBuffers[index] = (float[])step.Clone();            // torch.clone(grad).detach()
            }
            else
            {
                for (var i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = MathF.FusedMultiplyAdd(step[i], _dampeningComplement, buffer[i] * _momentum);
                }
            }
            for (var i = 0; i < step.Length; i++)
            {
                step[i] = _nesterov ? MathF.FusedMultiplyAdd(buffer[i], _momentum, step[i]) : buffer[i];
            }
        }
        for (var i = 0; i < parameter.Length; i++)
        {
            parameter[i] = MathF.FusedMultiplyAdd(step[i], _lr, parameter[i]);     // param.add_(grad, alpha=-lr)
        }
    }

    private static IEnumerable<Tensor> Validate(IEnumerable<Tensor> parameters, float lr, float momentum,
        float dampening, float weightDecay, bool nesterov)
    {
        if (!(lr >= 0))
        {
            throw Invalid("learning rate", lr, nameof(lr));
        }
        if (!(momentum >= 0))
        {
            throw Invalid("momentum value", momentum, nameof(momentum));
        }
        if (!(weightDecay >= 0))
        {
            throw Invalid("weight_decay value", weightDecay, nameof(weightDecay));
        }
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening", nameof(nesterov));
        }
        return parameters;
    }
}
