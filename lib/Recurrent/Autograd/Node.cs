// A recorded operation in the autograd graph: its inputs, PyTorch's grad_fn name, and how gradients flow back through it.
namespace Recurrent.Autograd;

/// <summary>
/// What an operation leaves behind when an input requires grad, as PyTorch's <c>grad_fn</c>: the inputs it reads
/// (only those that require grad are kept as edges) and <see cref="Backward"/>, which turns the gradients of its
/// outputs into gradients of its inputs. A node is created by the operation after it has computed its result and
/// attached with <see cref="Tensor.AttachGradFn"/>; <see cref="BackwardPass"/> walks the nodes in reverse.
/// </summary>
internal abstract class Node
{
    private readonly Tensor?[] _edges;

    /// <param name="inputs">The operation's tensor inputs in a fixed order; <see cref="Backward"/> answers in that order.</param>
    protected Node(params Tensor?[] inputs)
    {
        _edges = new Tensor?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            _edges[i] = inputs[i] is { RequiresGrad: true } input ? input : null;
        }
    }

    /// <summary>PyTorch's name for this node, e.g. <c>AddBackward0</c>; printed as <c>grad_fn=&lt;AddBackward0&gt;</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How many tensors the operation returned; most return one.</summary>
    public virtual int OutputCount => 1;

    /// <summary>The name shown on output <paramref name="slot"/>: PyTorch builds some results from several nodes.</summary>
    public virtual string NameOf(int slot) => Name;

    /// <summary>The inputs that require grad, at their positions; null elsewhere.</summary>
    public IReadOnlyList<Tensor?> Edges => _edges;

    /// <summary>True when input <paramref name="index"/> requires grad, so its gradient is worth computing.</summary>
    protected bool NeedsGrad(int index) => _edges[index] is not null;

    /// <summary>
    /// Gradients of the inputs, one per input in constructor order (null where an input needs none), each shaped as
    /// its input, from the gradients of the outputs (null for an output no gradient reached). Runs without recording.
    /// </summary>
    public abstract Tensor?[] Backward(IReadOnlyList<Tensor?> gradOutputs);
}

/// <summary>A node of an operation with one result: the gradient of that result is never missing.</summary>
internal abstract class SingleOutputNode(params Tensor?[] inputs) : Node(inputs)
{
    public sealed override Tensor?[] Backward(IReadOnlyList<Tensor?> gradOutputs) => Backward(gradOutputs[0]!);

    protected abstract Tensor?[] Backward(Tensor gradOutput);
}
