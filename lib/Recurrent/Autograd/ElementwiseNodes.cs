// Backward of the element-wise arithmetic: each input's gradient, summed back over the dimensions it was broadcast along.
namespace Recurrent.Autograd;

/// <summary>
/// a + b and a − b: the output's gradient reaches a unchanged and b unchanged or negated, each summed back to its
/// input's shape.
/// </summary>
internal sealed class AddBackward(Tensor a, Tensor b, bool subtract = false) : SingleOutputNode(a, b)
{
    private readonly int[] _aShape = [.. a.Shape];
    private readonly int[] _bShape = [.. b.Shape];

    public override string Name => subtract ? "SubBackward0" : "AddBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
    [
        NeedsGrad(0) ? gradOutput.SumTo(_aShape) : null,
        NeedsGrad(1) ? (subtract ? -gradOutput : gradOutput).SumTo(_bShape) : null,
    ];
}

/// <summary>a ⊙ b: d/da = grad·b, d/db = grad·a.</summary>
internal sealed class MulBackward(Tensor a, Tensor b) : SingleOutputNode(a, b)
{
    public override string Name => "MulBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
    [
        NeedsGrad(0) ? (gradOutput * b).SumTo([.. a.Shape]) : null,
        NeedsGrad(1) ? (gradOutput * a).SumTo([.. b.Shape]) : null,
    ];
}

/// <summary>a / b: d/da = grad / b, d/db = −grad·((a / b) / b), in PyTorch's order of operations.</summary>
internal sealed class DivBackward(Tensor a, Tensor b) : SingleOutputNode(a, b)
{
    public override string Name => "DivBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
    [
        NeedsGrad(0) ? (gradOutput / b).SumTo([.. a.Shape]) : null,
        NeedsGrad(1) ? (-gradOutput * (a / b / b)).SumTo([.. b.Shape]) : null,
    ];
}

/// <summary>x·c for a constant c (x * 2, −x, 2 − x): grad·c, under PyTorch's name for the operation.</summary>
internal sealed class ScaleBackward(Tensor input, float factor, string name) : SingleOutputNode(input)
{
    public override string Name => name;

    protected override Tensor?[] Backward(Tensor gradOutput) => [gradOutput * factor];
}

/// <summary>x / c for a constant c: grad / c (not grad·(1/c), which rounds differently).</summary>
internal sealed class DivideByBackward(Tensor input, float divisor) : SingleOutputNode(input)
{
    public override string Name => "DivBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) => [gradOutput / divisor];
}

/// <summary>1 / x: −grad·y², from the result y.</summary>
internal sealed class ReciprocalBackward(Tensor input, Tensor result) : SingleOutputNode(input)
{
    public override string Name => "ReciprocalBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
        [Tensor.Broadcast(gradOutput, result, static (g, y) => -g * (y * y), "reciprocal_backward", DType.Float32)];
}

/// <summary>x^p for a constant p: d/dx = p·x^(p−1), and exactly zero for p = 0 (as PyTorch's pow_backward).</summary>
internal sealed class PowBackward(Tensor input, float exponent) : SingleOutputNode(input)
{
    public override string Name => "PowBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var x = Edges[0]!;
        return exponent == 0
            ? [Tensor.Zeros([.. x.Shape])]
            : [gradOutput * x.Apply(v => exponent * ScalarPow.Of(v, exponent - 1f), DType.Float32)];
    }
}
