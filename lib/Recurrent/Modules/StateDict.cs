// An ordered name → tensor map: a module's parameters in PyTorch's state_dict order, printed like an OrderedDict.
using System.Diagnostics.CodeAnalysis;

namespace Recurrent;

/// <summary>Parameters by their PyTorch names, enumerated in PyTorch's order.</summary>
public sealed class StateDict : IReadOnlyDictionary<string, Tensor>
{
    private readonly List<KeyValuePair<string, Tensor>> _items = [];
    private readonly Dictionary<string, Tensor> _byName = new(StringComparer.Ordinal);

    /// <summary>An empty map, to fill with <see cref="Add"/> (for <c>LoadStateDict</c>).</summary>
    public StateDict()
    {
    }

    /// <summary>A map of <paramref name="items"/> in their order; a name given twice fails.</summary>
    public StateDict(IEnumerable<KeyValuePair<string, Tensor>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var (name, tensor) in items)
        {
            Add(name, tensor);
        }
    }

    /// <summary>Appends a parameter; a name already present fails, naming it.</summary>
    public void Add(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_byName.TryAdd(name, tensor))
        {
            throw new ArgumentException($"duplicate parameter name '{name}'", nameof(name));
        }
        _items.Add(new(name, tensor));
    }

    /// <summary>The parameter named <paramref name="key"/> (<c>weight_ih_l0</c>, …); an unknown name fails, listing the known ones.</summary>
    public Tensor this[string key] => _byName.TryGetValue(key, out var t)
        ? t
        : throw new KeyNotFoundException($"no parameter named '{key}'; known: {string.Join(", ", Keys)}");

    /// <summary>The names in PyTorch's order.</summary>
    public IEnumerable<string> Keys => _items.Select(i => i.Key);

    /// <summary>The tensors in PyTorch's order.</summary>
    public IEnumerable<Tensor> Values => _items.Select(i => i.Value);

    /// <summary>How many parameters the map holds.</summary>
    public int Count => _items.Count;

    /// <summary>Whether a parameter has this name.</summary>
    public bool ContainsKey(string key) => _byName.ContainsKey(key);

    /// <summary>The parameter named <paramref name="key"/>, if there is one.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Tensor value) => _byName.TryGetValue(key, out value);

    /// <summary>Name and tensor pairs in PyTorch's order.</summary>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Like Python's repr of the OrderedDict PyTorch returns: <c>OrderedDict([('weight_ih_l0', tensor(...)), ...])</c>.</summary>
    public override string ToString() =>
        "OrderedDict([" + string.Join(",\n             ", _items.Select(i => $"('{i.Key}', {Indent(i.Value.ToString())})")) + "])";

    private static string Indent(string text) => text.Replace("\n", "\n" + new string(' ', 14), StringComparison.Ordinal);
}
