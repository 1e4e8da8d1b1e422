// Backward of the reductions to one number: the scalar gradient spread back over every element.
namespace Recurrent.Autograd;

/// <summary>sum(x): every element of x gets the output's gradient.</summary>
internal sealed class SumBackward(Tensor input) : SingleOutputNode(input)
{
    private readonly int[] _shape = [.. input.Shape];

    public override string Name => "SumBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) => [Tensor.Full(_shape, gradOutput.Item())];
}

/// <summary>mean(x): every element of x gets the output's gradient divided by the element count.</summary>
internal sealed class MeanBackward(Tensor input) : SingleOutputNode(input)
{
    private readonly int[] _shape = [.. input.Shape];

    public override string Name => "MeanBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
        [Tensor.Full(_shape, gradOutput.Item() / Tensor.Numel(_shape))];
}
