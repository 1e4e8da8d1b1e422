// The recurrent modules' argument checks, worded as PyTorch words them, and the layout they establish.
using Recurrent.Kernels;

namespace Recurrent;

internal static class ForwardChecks
{
    /// <summary>Checks a padded (or unbatched) input and the initial states; returns the input's layout.</summary>
    public static SequenceLayout Sequence(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0,
        string hiddenLabel, string cellLabel)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (2 or 3))
        {
            throw new ArgumentException(
                $"{m.Name}: Expected input to be 2D or 3D, got {input.Dim}D tensor instead (shape {Tensor.ShapeText(input.Shape)})",
                nameof(input));
        }
        var batched = input.Dim == 3;
        var batchFirst = batched && m.BatchFirst;
        var steps = input.Size(batchFirst ? 1 : 0);
        var batch = !batched ? 1 : input.Size(batchFirst ? 0 : 1);
        Features(m, input);
        if (steps == 0)
        {
            throw new ArgumentException(
                $"Expected sequence length to be larger than 0 in {m.Name}, got input shape {Tensor.ShapeText(input.Shape)}",
                nameof(input));
        }
        States(m, h0, c0, batched, batch, hiddenLabel, cellLabel);
        return new SequenceLayout(steps, batch, batched, m.BatchFirst, null, null);
    }

    /// <summary>Checks a packed input's data and the initial states (batched, N = the first batch size).</summary>
    public static SequenceLayout Packed(RecurrentModule m, PackedSequence input, Tensor? h0, Tensor? c0,
        string hiddenLabel, string cellLabel)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Data.Dim != 2)
        {
            throw new ArgumentException($"input must have 2 dimensions, got {input.Data.Dim}", nameof(input));
        }
        Features(m, input.Data);
        var sizes = input.BatchSizesArray;
        States(m, h0, c0, batched: true, sizes[0], hiddenLabel, cellLabel);
        return new SequenceLayout(sizes.Length, sizes[0], Batched: true, m.BatchFirst, sizes, input.SortedIndicesArray);
    }

    private static void Features(RecurrentModule m, Tensor input)
    {
        if (input.Size(-1) != m.InputSize)
        {
            throw new ArgumentException(
                $"input.size(-1) must be equal to input_size. Expected {m.InputSize}, got {input.Size(-1)}", nameof(input));
        }
    }

    private static void States(RecurrentModule m, Tensor? h0, Tensor? c0, bool batched, int batch,
        string hiddenLabel, string cellLabel)
    {
        var states = m.Spec.StateCount;
        State(h0, batched, states, batch, m.HiddenSize, hiddenLabel, "h0");
        if (m.Spec.Kind == CellKind.Lstm)
        {
            State(c0, batched, states, batch, m.HiddenSize, cellLabel, "c0");
        }
    }

    /// <summary>Checks a given initial state against (D·layers, N, H), or (D·layers, H) for unbatched input.</summary>
    private static void State(Tensor? given, bool batched, int states, int batch, int hiddenSize,
        string label, string paramName)
    {
        if (given is null)
        {
            return;
        }
        if (given.Dim != (batched ? 3 : 2))
        {
            throw new ArgumentException(batched
                ? $"For batched 3-D input, hx should also be 3-D but got {given.Dim}-D tensor"
                : $"For unbatched 2-D input, hx should also be 2-D but got {given.Dim}-D tensor", paramName);
        }
        var matches = given.Size(0) == states && given.Size(-1) == hiddenSize && (!batched || given.Size(1) == batch);
        if (!matches)
        {
            var expected = batched ? new[] { states, batch, hiddenSize } : [states, hiddenSize];
            throw new ArgumentException(
                $"Expected {label} size ({string.Join(", ", expected)}), got {Tensor.ShapeText(given.Shape)}", paramName);
        }
    }
}
