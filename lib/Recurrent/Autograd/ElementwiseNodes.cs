// Backward of the element-wise arithmetic: each input's gradient, summed back over the dimensions it was broadcast along.
namespace Recurrent.Autograd;

/// <summary>a + b: the output's gradient reaches both inputs unchanged (reduced to each input's shape).</summary>
internal sealed class AddBackward(Tensor a, Tensor b) : SingleOutputNode(a, b)
{
    private readonly int[] _aShape = [.. a.Shape];
    private readonly int[] _bShape = [.. b.Shape];

    public override string Name => "AddBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
    [
        NeedsGrad(0) ? gradOutput.SumTo(_aShape) : null,
        NeedsGrad(1) ? gradOutput.SumTo(_bShape) : null,
    ];
}

/// <summary>x^p for a constant p: d/dx = p·x^(p−1).</summary>
internal sealed class PowBackward(Tensor input, float exponent) : SingleOutputNode(input)
{
    public override string Name => "PowBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var x = Edges[0]!;
        return [gradOutput * x.Map(v => exponent * MathF.Pow(v, exponent - 1f))];
    }
}
