// Writes JSON values laid out the way nbformat's writers do: one value per line, a fixed indent unit, sorted keys.
using System.Globalization;
using System.Text;

namespace NbEngine.Notebooks;

/// <summary>
/// A tiny JSON writer reproducing Python's <c>json.dump(indent=n, ensure_ascii=False)</c> layout, which Jupyter
/// and VS Code use: <c>"key": value</c>, empty containers as <c>[]</c> / <c>{}</c>, only necessary escapes.
/// Values are <see cref="string"/>, <see cref="int"/>, null, <see cref="IReadOnlyList{T}"/> of values or
/// <see cref="IReadOnlyList{T}"/> of <see cref="KeyValuePair{TKey,TValue}"/> (an object, keys in the order given).
/// </summary>
internal sealed class JsonLayout(string unit, string newline)
{
    private readonly StringBuilder _text = new();

    public static string Write(object? value, string indent, string unit, string newline)
    {
        var layout = new JsonLayout(unit, newline);
        layout.Value(value, indent);
        return layout._text.ToString();
    }

    private void Value(object? value, string indent)
    {
        switch (value)
        {
            case null:
                _text.Append("null");
                break;
            case string s:
                Quote(s);
                break;
            case int i:
                _text.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case IReadOnlyList<KeyValuePair<string, object?>> members:
                Container('{', '}', members, indent, (m, inner) =>
                {
                    Quote(m.Key);
                    _text.Append(": ");
                    Value(m.Value, inner);
                });
                break;
            case IReadOnlyList<object?> items:
                Container('[', ']', items, indent, Value);
                break;
            default:
                throw new ArgumentException($"expected a string, int, null, list or member list, got {value.GetType()}", nameof(value));
        }
    }

    private void Container<T>(char open, char close, IReadOnlyList<T> items, string indent, Action<T, string> item)
    {
        _text.Append(open);
        if (items.Count > 0)
        {
            var inner = indent + unit;
            var compact = unit.Length == 0;
            for (var i = 0; i < items.Count; i++)
            {
                _text.Append(compact ? (i == 0 ? "" : ", ") : (i == 0 ? newline : "," + newline) + inner);
                item(items[i], inner);
            }
            if (!compact)
            {
                _text.Append(newline).Append(indent);
            }
        }
        _text.Append(close);
    }

    private void Quote(string s)
    {
        _text.Append('"');
        foreach (var c in s)
        {
            _text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        _text.Append('"');
    }
}
