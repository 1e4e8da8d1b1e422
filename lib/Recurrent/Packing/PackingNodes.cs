// Backward of packing and unpacking: gradients move row by row along the same map the values did.
using Recurrent.Autograd;

namespace Recurrent;

/// <summary>pack_padded_sequence: each packed row's gradient goes back to its padded position; padding gets zero.</summary>
internal sealed class PackPaddedSequenceBackward(Tensor input, int[] map, int features) : SingleOutputNode(input)
{
    private readonly int[] _shape = [.. input.Shape];

    public override string Name => "PackPaddedSequenceBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var grad = new float[Tensor.Numel(_shape)];
        PackedRows.Scatter(gradOutput.ToArray(), grad, map, features);
        return [new Tensor(grad, _shape)];
    }
}

/// <summary>
/// pad_packed_sequence: each packed row gets the gradient of the padded position it went to. PyTorch builds the
/// padded tensor by copying into slices (CopySlices), then transposes it for batch_first and reorders the batch
/// with index_select when it was sorted: the name is that of the last of these.
/// </summary>
internal sealed class PadPackedSequenceBackward(Tensor data, int[] map, int features, string name)
    : SingleOutputNode(data)
{
    private readonly int[] _shape = [.. data.Shape];

    public override string Name => name;

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var grad = new float[Tensor.Numel(_shape)];
        PackedRows.Gather(gradOutput.ToArray(), grad, map, features);
        return [new Tensor(grad, _shape)];
    }
}
