// The autograd side of a tensor: requires_grad, the accumulated .grad of a leaf, its grad_fn, backward() and detach().
using Recurrent.Autograd;

namespace Recurrent;

public sealed partial class Tensor
{
    private bool _requiresGrad;

    /// <summary>True when operations on this tensor record the graph: a leaf that asked for it, or a result of one.</summary>
    public bool RequiresGrad => _requiresGrad;

    /// <summary>
    /// The gradient accumulated into this leaf by <see cref="Backward"/> calls, shaped as the tensor; null before
    /// the first one and after a <c>ZeroGrad</c>. Non-leaf tensors never keep one, as in PyTorch.
    /// </summary>
    public Tensor? Grad { get; private set; }

    /// <summary>True for tensors no recorded operation produced: created ones, parameters, detached ones.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>The node that produced this tensor (PyTorch's grad_fn), or null for a leaf.</summary>
    internal Node? GradFn { get; private set; }

    /// <summary>Which of <see cref="GradFn"/>'s outputs this tensor is.</summary>
    internal int GradSlot { get; private set; }

    /// <summary>True for a module's parameter: prints as PyTorch prints an nn.Parameter.</summary>
    internal bool IsParameter { get; set; }

    /// <summary>torch's requires_grad_(): switches recording on (or off) for a leaf and returns this tensor.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        if (requiresGrad && _dtype != DType.Float32)
        {
            throw new InvalidOperationException(
                $"only Tensors of floating point and complex dtype can require gradients (this one is {TorchName(_dtype)})");
        }
        if (GradFn is not null)
        {
            if (requiresGrad)
            {
                return this;
            }
            throw new InvalidOperationException(
                "you can only change requires_grad flags of leaf variables. If you want to use a computed variable " +
                "in a subgraph that doesn't require differentiation use var_no_grad = var.Detach().");
        }
        _requiresGrad = requiresGrad;
        return this;
    }

    /// <summary>
    /// loss.backward(): computes the gradient of this one-element tensor with respect to every leaf it was computed
    /// from that requires grad, and adds it to that leaf's <see cref="Grad"/>.
    /// </summary>
    public void Backward() => BackwardPass.Run(this);

    /// <summary>The same elements (shared storage) cut off from the graph: a leaf that does not require grad.</summary>
    public Tensor Detach() => ViewOf(_offset, _shape, _strides);

    /// <summary>True when grad mode is on and <paramref name="input"/> requires grad: the operation must record.</summary>
    internal static bool Records(Tensor input) => input._requiresGrad && GradMode.IsEnabled;

    /// <summary>True when grad mode is on and either input requires grad.</summary>
    internal static bool Records(Tensor a, Tensor b) => (a._requiresGrad || b._requiresGrad) && GradMode.IsEnabled;

    /// <summary>True when grad mode is on and any of the (non-null) inputs requires grad.</summary>
    internal static bool Records(IEnumerable<Tensor?> inputs) =>
        GradMode.IsEnabled && inputs.Any(static t => t is { _requiresGrad: true });

    /// <summary>Marks this fresh result as output <paramref name="slot"/> of <paramref name="node"/>; returns it.</summary>
    internal Tensor AttachGradFn(Node node, int slot = 0)
    {
        GradFn = node;
        GradSlot = slot;
        _requiresGrad = true;
        return this;
    }

    /// <summary>Adds <paramref name="grad"/> (this tensor's shape) into <see cref="Grad"/>, creating it on first use.</summary>
    internal void AccumulateGrad(Tensor grad)
    {
        if (!_shape.AsSpan().SequenceEqual(grad._shape))
        {
            throw new InvalidOperationException(
                $"gradient of shape {ShapeText(grad._shape)} does not match the tensor's shape {ShapeText(_shape)}");
        }
        if (Grad is null)
        {
            Grad = grad.Clone();   // its own storage: later accumulations add into it in place
            return;
        }
        var sum = Grad.ContiguousStorage();
        var values = grad.ToArray();
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += values[i];
        }
    }

    /// <summary>Forgets the accumulated gradient (PyTorch's zero_grad with set_to_none, its default).</summary>
    internal void ClearGrad() => Grad = null;
}
