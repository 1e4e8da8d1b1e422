// Backward of the matrix products: two products per step, on the deterministic row-major kernel.
namespace Recurrent.Autograd;

/// <summary>
/// torch.matmul of 1-D and 2-D operands, seen as A (m, n) · B (n, p) with a vector as one row (left) or one column
/// (right): dA = G·Bᵀ, dB = Aᵀ·G, each reshaped back to its operand's shape. <paramref name="name"/> is PyTorch's
/// grad_fn for the case (DotBackward0, MvBackward0, SqueezeBackward4, MmBackward0).
/// </summary>
internal sealed class MatMulBackward(Tensor a, Tensor b, string name) : SingleOutputNode(a, b)
{
    public override string Name => name;

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var left = a.Dim == 1 ? a.View(1, -1) : a;                          // (m, n)
        var right = b.Dim == 1 ? b.View(-1, 1) : b;                         // (n, p)
        var grad = gradOutput.Reshape(left.Size(0), right.Size(1));         // (m, p)
        return
        [
            NeedsGrad(0) ? Tensor.Product(grad, right.T).Reshape([.. a.Shape]) : null,
            NeedsGrad(1) ? Tensor.Product(left.T, grad).Reshape([.. b.Shape]) : null,
        ];
    }
}
