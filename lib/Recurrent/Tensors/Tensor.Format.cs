// PyTorch's default tensor repr: 4 decimals, aligned columns, nested brackets, int and scientific modes, summarisation.
using System.Text;

namespace Recurrent;

public sealed partial class Tensor
{
    private const int Precision = 4;
    private const int LineWidth = 80;
    private const int EdgeItems = 3;
    private const int Threshold = 1000;
    private const string Prefix = "tensor(";

    /// <summary>The text PyTorch prints for this tensor, e.g. <c>tensor([[-0.0819,  0.8100]])</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Prefix);
        var suffixes = new List<string>();
        if (Numel() == 0)
        {
            text.Append("[]");
            if (Dim != 1)
            {
                suffixes.Add($"size=({string.Join(", ", _shape)})");
            }
            if (_dtype != DType.Float32)
            {
                suffixes.Add($"dtype={TorchName(_dtype)}");   // nothing else shows it: no elements to print as integers
            }
        }
        else
        {
            var summarize = Numel() > Threshold;
            var formatter = new ValueFormatter(summarize ? SummarizedValues() : ToArray(), _dtype);
            AppendTensor(text, this, Prefix.Length, summarize, formatter);
        }
        if (GradFn is { } node)
        {
            suffixes.Add($"grad_fn=<{node.NameOf(GradSlot)}>");
        }
        else if (RequiresGrad)
        {
            suffixes.Add("requires_grad=True");
        }
        AppendSuffixes(text, suffixes);
        return IsParameter ? "Parameter containing:\n" + text : text.ToString();
    }

    /// <summary>PyTorch's _add_suffixes: each suffix after ", " on the last line, or on a new line when it would not fit.</summary>
    private static void AppendSuffixes(StringBuilder text, List<string> suffixes)
    {
        var lastNewline = text.ToString().LastIndexOf('\n');
        var lastLineLength = text.Length - lastNewline + 1;   // PyTorch's own count, off by two on purpose
        foreach (var suffix in suffixes)
        {
            if (lastLineLength + suffix.Length + 2 > LineWidth)
            {
                text.Append(",\n").Append(' ', Prefix.Length).Append(suffix);
                lastLineLength = Prefix.Length + suffix.Length;
            }
            else
            {
                text.Append(", ").Append(suffix);
                lastLineLength += suffix.Length + 2;
            }
        }
        text.Append(')');
    }

    private static void AppendTensor(StringBuilder text, Tensor t, int indent, bool summarize, ValueFormatter formatter)
    {
        if (t.Dim == 0)
        {
            text.Append(formatter.Format(t.Item()));
            return;
        }
        if (t.Dim == 1)
        {
            AppendVector(text, t, indent, summarize, formatter);
            return;
        }
        var rows = SummaryRows(t.Size(0), summarize);
        var separator = "," + new string('\n', t.Dim - 1) + new string(' ', indent + 1);
        text.Append('[');
        for (var k = 0; k < rows.Count; k++)
        {
            if (k > 0)
            {
                text.Append(separator);
            }
            if (rows[k] < 0)
            {
                text.Append("...");
            }
            else
            {
                AppendTensor(text, t[rows[k]], indent + 1, summarize, formatter);
            }
        }
        text.Append(']');
    }

    private static void AppendVector(StringBuilder text, Tensor t, int indent, bool summarize, ValueFormatter formatter)
    {
        var elementLength = formatter.Width + 2;
        var perLine = Math.Max(1, (LineWidth - indent) / elementLength);
        var values = t.ToArray();
        var items = SummaryRows(values.Length, summarize)
            .Select(i => i < 0 ? " ..." : formatter.Format(values[i]))
            .ToList();
        text.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i % perLine == 0 ? ",\n" + new string(' ', indent + 1) : ", ");
            }
            text.Append(items[i]);
        }
        text.Append(']');
    }

    /// <summary>Row positions to print; -1 marks the "..." between the first and last <see cref="EdgeItems"/>.</summary>
    private static List<int> SummaryRows(int count, bool summarize)
    {
        if (!summarize || count <= 2 * EdgeItems)
        {
            return Enumerable.Range(0, count).ToList();
        }
        return Enumerable.Range(0, EdgeItems).Append(-1).Concat(Enumerable.Range(count - EdgeItems, EdgeItems)).ToList();
    }

    /// <summary>The values PyTorch's formatter sees when summarising: only the edge items of every dimension.</summary>
    private float[] SummarizedValues()
    {
        if (Dim == 0)
        {
            return ToArray();
        }
        var rows = SummaryRows(_shape[0], summarize: true).Where(r => r >= 0);
        return Dim == 1
            ? rows.Select(r => this[r].Item()).ToArray()
            : rows.SelectMany(r => this[r].SummarizedValues()).ToArray();
    }

    /// <summary>
    /// PyTorch's _Formatter: integers of an Int64 tensor as they are; floats in int, fixed or scientific mode; and the
    /// common column width.
    /// </summary>
    private sealed class ValueFormatter
    {
        private readonly bool _integers;
        private readonly bool _intMode = true;
        private readonly bool _sciMode;

        public ValueFormatter(float[] values, DType dtype)
        {
            Width = 1;
            if (dtype == DType.Int64)
            {
                _integers = true;
                Width = values.Select(v => Integer(v).Length).DefaultIfEmpty(1).Max();
                return;
            }
            var finite = values.Where(v => float.IsFinite(v) && v != 0).Select(v => (double)v).ToArray();
            if (finite.Length == 0)
            {
                return;
            }
            var min = finite.Min(Math.Abs);
            var max = finite.Max(Math.Abs);
            _intMode = finite.All(v => v == Math.Ceiling(v));
            _sciMode = max / min > 1000.0 || max > 1.0e8 || (!_intMode && min < 1.0e-4);
            foreach (var v in finite)
            {
                var text = _sciMode ? DecimalFormat.Scientific(v, Precision)
                    : _intMode ? DecimalFormat.Fixed(v, 0) + "."
                    : DecimalFormat.Fixed(v, Precision);
                Width = Math.Max(Width, text.Length);
            }
        }

        public int Width { get; }

        public string Format(float value)
        {
            string text;
            if (_integers)
            {
                text = Integer(value);
            }
            else if (_sciMode)
            {
                text = DecimalFormat.Scientific(value, Precision);
            }
            else if (_intMode)
            {
                text = DecimalFormat.Fixed(value, 0) + (float.IsFinite(value) ? "." : "");
            }
            else
            {
                text = DecimalFormat.Fixed(value, Precision);
            }
            return text.PadLeft(Width);
        }

        private static string Integer(float value) => ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
