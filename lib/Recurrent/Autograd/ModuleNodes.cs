// Backward of Linear and Embedding: the products and scatter-adds PyTorch's addmm and embedding backward compute.
namespace Recurrent.Autograd;

/// <summary>
/// y = x Wᵀ + b over rows X (R, in): dX = G·W, dW = Gᵀ·X, db = Σ_rows G, with G the output gradient as (R, out).
/// <paramref name="name"/> is the grad_fn PyTorch's F.linear ends with for this input (see <see cref="Linear.Forward"/>).
/// </summary>
internal sealed class LinearBackward(Tensor input, Tensor weight, Tensor? bias, string name) : SingleOutputNode(input, weight, bias)
{
    public override string Name => name;

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var outFeatures = weight.Size(0);
        var grad = gradOutput.Reshape(-1, outFeatures);                                    // (R, out)
        return
        [
            NeedsGrad(0) ? Tensor.Product(grad, weight).Reshape([.. input.Shape]) : null,
            NeedsGrad(1) ? Tensor.Product(grad.T, input.Reshape(-1, weight.Size(1))) : null,
            NeedsGrad(2) ? grad.SumTo([outFeatures]) : null,
        ];
    }
}

/// <summary>
/// weight[ids]: the weight's gradient is zero except in the rows looked up, where every position's output gradient
/// is added in order of position (a repeated index accumulates), as PyTorch's embedding_dense_backward on CPU.
/// </summary>
internal sealed class EmbeddingBackward(Tensor weight, int[] ids) : SingleOutputNode(weight)
{
    public override string Name => "EmbeddingBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var dim = weight.Size(1);
        var grad = Tensor.Zeros([.. weight.Shape]);
        var sums = grad.ContiguousStorage();
        var rows = gradOutput.RowMajor();
        for (var i = 0; i < ids.Length; i++)
        {
            var source = rows.Slice(i * dim, dim);
            var target = sums.Slice(ids[i] * dim, dim);
            for (var j = 0; j < dim; j++)
            {
                target[j] += source[j];
            }
        }
        return [grad];
    }
}
