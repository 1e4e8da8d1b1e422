// A module's named parameters: creation in state-dict order, lookup by name, and strict all-or-nothing loading.
using System.Text;

namespace Recurrent;

internal sealed class ParameterSet
{
    private readonly string _moduleName;
    private readonly StateDict _tensors = new();

    public ParameterSet(string moduleName) => _moduleName = moduleName;

    public StateDict All => _tensors;

    /// <summary>A new zero parameter: a leaf that requires grad and prints as an nn.Parameter.</summary>
    public Tensor Add(string name, params int[] shape)
    {
        var t = Tensor.Zeros(shape).RequiresGrad_();
        t.IsParameter = true;
        _tensors.Add(name, t);
        return t;
    }

    public Tensor this[string name] => _tensors[name];

    /// <summary>Copies every value in, or nothing: missing, unexpected and mis-shaped keys are all listed first.</summary>
    public void Load(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var missing = _tensors.Keys.Where(k => !stateDict.ContainsKey(k)).ToList();
        var unexpected = stateDict.Keys.Where(k => !_tensors.ContainsKey(k)).ToList();
        var nulls = _tensors
            .Where(p => stateDict.TryGetValue(p.Key, out var given) && given is null)
            .Select(p => $"expected a tensor of shape {new TensorShape([.. p.Value.Shape])} for {p.Key}, got null.");
        var mismatched = _tensors
            .Where(p => stateDict.TryGetValue(p.Key, out var given) && given is not null && !given.Shape.SequenceEqual(p.Value.Shape))
            .Select(p => $"size mismatch for {p.Key}: copying a param with shape {new TensorShape([.. stateDict[p.Key].Shape])} " +
                         $"from checkpoint, the shape in current model is {new TensorShape([.. p.Value.Shape])}.")
            .Concat(nulls)
            .ToList();
        if (missing.Count + unexpected.Count + mismatched.Count > 0)
        {
            var message = new StringBuilder($"Error(s) in loading state_dict for {_moduleName}:");
            if (missing.Count > 0)
            {
                message.Append("\n\tMissing key(s) in state_dict: ").Append(Quoted(missing)).Append('.');
            }
            if (unexpected.Count > 0)
            {
                message.Append("\n\tUnexpected key(s) in state_dict: ").Append(Quoted(unexpected)).Append('.');
            }
            foreach (var line in mismatched)
            {
                message.Append("\n\t").Append(line);
            }
            throw new ArgumentException(message.ToString(), nameof(stateDict));
        }
        foreach (var (name, tensor) in _tensors)
        {
            tensor.CopyFrom(stateDict[name]);
        }
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
