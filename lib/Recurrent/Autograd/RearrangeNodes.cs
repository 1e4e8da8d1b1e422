// Backward of operations that only move elements (views, reshapes, transposes, flips, indexing, copies, joins).
namespace Recurrent.Autograd;

/// <summary>
/// An operation that moves elements of one input without arithmetic: the gradient travels back the same way,
/// by <paramref name="toInput"/> (the output's gradient in, the input's out, shaped as the input). One class serves
/// every such operation under PyTorch's name for it (ViewBackward0, TransposeBackward0, SelectBackward0, …).
/// </summary>
internal sealed class RearrangeBackward(Tensor input, string name, Func<Tensor, Tensor> toInput) : SingleOutputNode(input)
{
    public override string Name => name;

    protected override Tensor?[] Backward(Tensor gradOutput) => [toInput(gradOutput)];
}

/// <summary>torch.cat: each input gets its own slice of the gradient along the joined dimension.</summary>
internal sealed class CatBackward(IReadOnlyList<Tensor> inputs, int dim) : SingleOutputNode([.. inputs])
{
    private readonly int[] _sizes = [.. inputs.Select(t => t.Size(dim))];

    public override string Name => "CatBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var grads = new Tensor?[_sizes.Length];
        var start = 0;
        for (var i = 0; i < grads.Length; i++)
        {
            grads[i] = NeedsGrad(i) ? gradOutput.Narrow(dim, start, _sizes[i]) : null;
            start += _sizes[i];
        }
        return grads;
    }
}

/// <summary>torch.stack: each input gets its own position of the gradient along the new dimension.</summary>
internal sealed class StackBackward(IReadOnlyList<Tensor> inputs, int dim) : SingleOutputNode([.. inputs])
{
    public override string Name => "StackBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var grads = new Tensor?[Edges.Count];
        for (var i = 0; i < grads.Length; i++)
        {
            grads[i] = NeedsGrad(i) ? gradOutput.Narrow(dim, i, 1).Squeeze(dim) : null;
        }
        return grads;
    }
}
