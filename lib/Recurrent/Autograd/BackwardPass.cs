// Tensor.Backward(): walks the recorded graph from a scalar root in reverse topological order and accumulates into leaves.
namespace Recurrent.Autograd;

/// <summary>
/// One call of <c>loss.backward()</c>. Every node reachable from the root is visited once, after all nodes that feed
/// gradients into it, so each node sees the sum of everything that reaches its outputs; leaves that require grad
/// receive their gradient in <see cref="Tensor.Grad"/>, added to what is already there, as PyTorch accumulates.
/// The order is fixed by the graph alone, so the same graph always sums in the same order. The graph is kept:
/// a second <c>Backward</c> through it works (PyTorch would ask for <c>retain_graph=True</c>).
/// </summary>
internal static class BackwardPass
{
    public static void Run(Tensor root)
    {
        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException(
                "element 0 of tensors does not require grad and does not have a grad_fn");
        }
        if (root.Numel() != 1)
        {
            throw new InvalidOperationException(
                $"grad can be implicitly created only for scalar outputs (got a tensor of shape {Tensor.ShapeText(root.Shape)})");
        }
        using var noGrad = GradMode.Disable();
        var seed = Tensor.Full([.. root.Shape], 1f);
        if (root.GradFn is not { } start)
        {
            root.AccumulateGrad(seed);
            return;
        }
        var order = TopologicalOrder(start);
        var pending = new Dictionary<Node, Tensor?[]>(ReferenceEqualityComparer.Instance)
        {
            [start] = NewSlots(start),
        };
        pending[start][root.GradSlot] = seed;
        foreach (var node in order)
        {
            if (!pending.Remove(node, out var gradOutputs))
            {
                continue;   // reachable, but no gradient arrived (every path to it carried none)
            }
            var gradInputs = node.Backward(gradOutputs);
            var edges = node.Edges;
            for (var i = 0; i < edges.Count; i++)
            {
                if (edges[i] is not { } input || gradInputs[i] is not { } grad)
                {
                    continue;
                }
                if (input.GradFn is { } next)
                {
                    if (!pending.TryGetValue(next, out var slots))
                    {
                        slots = NewSlots(next);
                        pending[next] = slots;
                    }
                    slots[input.GradSlot] = slots[input.GradSlot] is { } sum ? sum + grad : grad;
                }
                else
                {
                    input.AccumulateGrad(grad);
                }
            }
        }
    }

    private static Tensor?[] NewSlots(Node node) => new Tensor?[node.OutputCount];

    /// <summary>Nodes reachable from <paramref name="start"/>, each before every node it sends gradients to.</summary>
    private static List<Node> TopologicalOrder(Node start)
    {
        // Iterative depth-first post-order (graphs of long sequences are deep), then reversed.
        var visited = new HashSet<Node>(ReferenceEqualityComparer.Instance) { start };
        var postOrder = new List<Node>();
        var stack = new Stack<(Node Node, int NextEdge)>();
        stack.Push((start, 0));
        while (stack.Count > 0)
        {
            var (node, nextEdge) = stack.Pop();
            var edges = node.Edges;
            var pushedChild = false;
            for (var i = nextEdge; i < edges.Count; i++)
            {
                if (edges[i]?.GradFn is { } child && visited.Add(child))
                {
                    stack.Push((node, i + 1));
                    stack.Push((child, 0));
                    pushedChild = true;
                    break;
                }
            }
            if (!pushedChild)
            {
                postOrder.Add(node);
            }
        }
        postOrder.Reverse();
        return postOrder;
    }
}
