// What every module shares, as torch.nn.Module: named parameters, the state dict, and clearing gradients.
namespace Recurrent;

/// <summary>
/// The base of <see cref="Rnn"/>, <see cref="Lstm"/>, <see cref="Gru"/>, <see cref="Linear"/> and
/// <see cref="Embedding"/>: parameters by PyTorch's names in PyTorch's order, each a leaf that requires grad.
/// </summary>
public abstract class Module
{
    private protected Module(string name)
    {
        Name = name;
        ParameterSet = new ParameterSet(name);
    }

    /// <summary>The class name PyTorch's messages and reprs show, e.g. <c>Rnn</c>.</summary>
    internal string Name { get; }

    private protected ParameterSet ParameterSet { get; }

    /// <summary>
    /// state_dict(): every parameter's values by name, in PyTorch's order. Like PyTorch's, the tensors share storage
    /// with the parameters but are detached from the graph (they print without <c>requires_grad=True</c>).
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() =>
        new StateDict(ParameterSet.All.Select(p => KeyValuePair.Create(p.Key, p.Value.Detach())));

    /// <summary>Copies parameters in by name; strict: any missing, unexpected or mis-shaped key fails and changes nothing.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict) => ParameterSet.Load(stateDict);

    /// <summary>parameters(): the live parameters in state-dict order, for an optimizer or <c>Torch.ClipGradNorm</c>.</summary>
    public IReadOnlyList<Tensor> Parameters() => [.. ParameterSet.All.Values];

    /// <summary>named_parameters(): the live parameters with their PyTorch names, in state-dict order.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters() =>
        ParameterSet.All.Select(p => (p.Key, p.Value));

    /// <summary>zero_grad(): forgets every parameter's accumulated gradient (set to null, PyTorch's default).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in ParameterSet.All.Values)
        {
            parameter.ClearGrad();
        }
    }
}
