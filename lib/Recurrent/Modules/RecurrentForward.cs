// The forward pass shared by the recurrent modules: input and state checks, layout, then layer by layer, direction by direction.
using Recurrent.Kernels;

namespace Recurrent;

internal static class RecurrentForward
{
    /// <summary>The kernel that computes each direction; a faster one can be swapped in without touching the API.</summary>
    internal static IRecurrentKernel Kernel { get; set; } = MathNetKernel.Instance;

    public static RecurrentResult Run(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0,
        string hiddenLabel, string cellLabel)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (2 or 3))
        {
            throw new ArgumentException(
                $"{m.ModuleName}: Expected input to be 2D or 3D, got {input.Dim}D tensor instead (shape {Tensor.ShapeText(input.Shape)})",
                nameof(input));
        }
        var batched = input.Dim == 3;
        var x = !batched ? input.Unsqueeze(1) : m.BatchFirst ? input.Transpose(0, 1) : input;   // (L, N, H_in)
        var (steps, batch) = (x.Size(0), x.Size(1));
        if (x.Size(2) != m.InputSize)
        {
            throw new ArgumentException(
                $"input.size(-1) must be equal to input_size. Expected {m.InputSize}, got {x.Size(2)}", nameof(input));
        }
        if (steps == 0)
        {
            throw new ArgumentException(
                $"Expected sequence length to be larger than 0 in {m.ModuleName}, got input shape {Tensor.ShapeText(input.Shape)}",
                nameof(input));
        }
        var states = m.NumDirections * m.NumLayers;
        var hidden = InitialState(h0, batched, states, batch, m.HiddenSize, hiddenLabel, "h0");   // (D·layers, N, H)
        var cell = m.CellKind == CellKind.Lstm
            ? InitialState(c0, batched, states, batch, m.HiddenSize, cellLabel, "c0")
            : null;

        var layerInput = x.ToArray();
        var width = m.NumDirections * m.HiddenSize;
        var output = Array.Empty<float>();
        for (var layer = 0; layer < m.NumLayers; layer++)
        {
            output = new float[steps * batch * width];
            for (var direction = 0; direction < m.NumDirections; direction++)
            {
                var slot = layer * m.NumDirections + direction;
                var suffix = RecurrentModule.Suffix(layer, direction);
                var length = batch * m.HiddenSize;
                var job = new DirectionJob(
                    m.CellKind, m.Activation, layerInput, steps, batch,
                    layer == 0 ? m.InputSize : width, m.HiddenSize,
                    m.Parameter("weight_ih" + suffix), m.Parameter("weight_hh" + suffix),
                    m.Bias ? m.Parameter("bias_ih" + suffix) : null,
                    m.Bias ? m.Parameter("bias_hh" + suffix) : null,
                    Reverse: direction == 1,
                    Hidden: hidden.ContiguousStorage().Slice(slot * length, length).ToArray(),
                    Cell: cell?.ContiguousStorage().Slice(slot * length, length).ToArray(),
                    output, direction * m.HiddenSize, width);
                Kernel.Run(job);
                job.Hidden.CopyTo(hidden.ContiguousStorage().Slice(slot * length, length));
                job.Cell?.CopyTo(cell!.ContiguousStorage().Slice(slot * length, length));
            }
            layerInput = output;
        }

        var outputTensor = new Tensor(output, [steps, batch, width]);                        // (L, N, D·H)
        var shapedOutput = !batched ? outputTensor.View(steps, width)
            : m.BatchFirst ? outputTensor.Transpose(0, 1).Contiguous() : outputTensor;
        return new RecurrentResult(shapedOutput, Final(hidden, batched), cell is null ? null : Final(cell, batched));
    }

    /// <summary>The given initial state checked against (D·layers, N, H), or zeros; always a fresh array we may write.</summary>
    private static Tensor InitialState(Tensor? given, bool batched, int states, int batch, int hiddenSize,
        string label, string paramName)
    {
        if (given is null)
        {
            return Tensor.Zeros(states, batch, hiddenSize);
        }
        if (given.Dim != (batched ? 3 : 2))
        {
            throw new ArgumentException(batched
                ? $"For batched 3-D input, hx should also be 3-D but got {given.Dim}-D tensor"
                : $"For unbatched 2-D input, hx should also be 2-D but got {given.Dim}-D tensor", paramName);
        }
        var expected = batched ? new[] { states, batch, hiddenSize } : [states, hiddenSize];
        if (!given.Shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"Expected {label} size ({string.Join(", ", expected)}), got {Tensor.ShapeText(given.Shape)}", paramName);
        }
        return (batched ? given : given.Unsqueeze(1)).Clone();
    }

    private static Tensor Final(Tensor states, bool batched) =>
        batched ? states : states.View(states.Size(0), states.Size(2));
}
