// The forward pass shared by the recurrent modules: input and state checks, layout, then layer by layer, direction by direction.
using Recurrent.Kernels;

namespace Recurrent;

internal static class RecurrentForward
{
    /// <summary>
    /// The kernel that computes each direction: <see cref="SimdKernel"/> by default; <see cref="MathNetKernel"/>, the
    /// one the notebooks teach with, can be swapped in without touching the API.
    /// </summary>
    internal static IRecurrentKernel Kernel { get; set; } = SimdKernel.Instance;

    public static RecurrentResult Run(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0,
        string hiddenLabel, string cellLabel)
    {
        var (steps, batch, batched) = Check(m, input, h0, c0, hiddenLabel, cellLabel);
        var (states, width, hidden) = (m.Spec.StateCount, m.Spec.OutputWidth, m.HiddenSize);
        // Every element is written below, so the arrays skip zeroing.
        var output = GC.AllocateUninitializedArray<float>(checked(steps * batch * width));
        var hN = GC.AllocateUninitializedArray<float>(checked(states * batch * hidden));
        var cN = m.Spec.Kind == CellKind.Lstm ? GC.AllocateUninitializedArray<float>(hN.Length) : null;
        Compute(m, input, h0, c0, steps, batch, batched, output, hN, cN);

        int[] outputShape = !batched ? [steps, width] : m.BatchFirst ? [batch, steps, width] : [steps, batch, width];
        int[] stateShape = batched ? [states, batch, hidden] : [states, hidden];
        return new RecurrentResult(new Tensor(output, outputShape), new Tensor(hN, stateShape),
            cN is null ? null : new Tensor(cN, (int[])stateShape.Clone()));
    }

    /// <summary>
    /// The forward pass into caller-provided arrays laid out as <see cref="Run"/> returns them (output, h_n, c_n);
    /// once the module has a workspace for this (L, N) it allocates nothing, except to copy a non-contiguous input.
    /// </summary>
    internal static void RunInto(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0,
        float[] output, float[] hN, float[]? cN)
    {
        var (steps, batch, batched) = Check(m, input, h0, c0, "hidden", "cell");
        Compute(m, input, h0, c0, steps, batch, batched, output, hN, cN);
    }

    private static (int Steps, int Batch, bool Batched) Check(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0,
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
        if (input.Size(-1) != m.InputSize)
        {
            throw new ArgumentException(
                $"input.size(-1) must be equal to input_size. Expected {m.InputSize}, got {input.Size(-1)}", nameof(input));
        }
        if (steps == 0)
        {
            throw new ArgumentException(
                $"Expected sequence length to be larger than 0 in {m.Name}, got input shape {Tensor.ShapeText(input.Shape)}",
                nameof(input));
        }
        var states = m.Spec.StateCount;
        CheckState(h0, batched, states, batch, m.HiddenSize, hiddenLabel, "h0");
        if (m.Spec.Kind == CellKind.Lstm)
        {
            CheckState(c0, batched, states, batch, m.HiddenSize, cellLabel, "c0");
        }
        return (steps, batch, batched);
    }

    /// <summary>Checks a given initial state against (D·layers, N, H), or (D·layers, H) for unbatched input.</summary>
    private static void CheckState(Tensor? given, bool batched, int states, int batch, int hiddenSize,
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

    private static void Compute(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0, int steps, int batch,
        bool batched, float[] output, float[] hN, float[]? cN)
    {
        var workspace = Interlocked.Exchange(ref m.IdleWorkspace, null);
        if (workspace is null || workspace.Steps != steps || workspace.Batch != batch)
        {
            workspace = new ForwardWorkspace(m.Spec, m.Parameters(), steps, batch);
        }
        var timeMajor = !batched || !m.BatchFirst;
        CopyInput(input, timeMajor, workspace.Input, steps, batch);
        LoadState(h0, workspace.Hidden);
        if (workspace.Cell is not null)
        {
            LoadState(c0, workspace.Cell);
        }

        var last = m.NumLayers - 1;
        var finalOutput = timeMajor ? output : workspace.LayerOutput(last);   // (L, N, D·H)
        foreach (var job in workspace.Jobs.AsSpan(last * m.NumDirections))
        {
            job.Output = finalOutput;
        }
        foreach (var job in workspace.Jobs)
        {
            Kernel.Run(job);
        }
        foreach (var job in workspace.Jobs.AsSpan(last * m.NumDirections))
        {
            job.Output = [];   // do not keep the caller's array alive
        }
        if (!timeMajor)
        {
            SwapFirstTwo(finalOutput, output, steps, batch, m.Spec.OutputWidth);   // (L, N, D·H) → (N, L, D·H)
        }
        StoreState(workspace.Hidden, hN);
        if (workspace.Cell is not null)
        {
            StoreState(workspace.Cell, cN!);
        }
        Volatile.Write(ref m.IdleWorkspace, workspace);
    }

    /// <summary>The input as time-major (L, N, H_in) rows: a straight copy, or transposed from batch-first.</summary>
    private static void CopyInput(Tensor input, bool timeMajor, float[] destination, int steps, int batch)
    {
        if (timeMajor)
        {
            input.CopyTo(destination);
        }
        else if (input.IsContiguous)
        {
            SwapFirstTwo(input.ContiguousStorage(), destination, batch, steps, input.Size(2));  // (N, L, H_in) → (L, N, H_in)
        }
        else
        {
            input.Transpose(0, 1).CopyTo(destination);
        }
    }

    /// <summary>Copies an (a, b, c) row-major block into (b, a, c) order.</summary>
    private static void SwapFirstTwo(ReadOnlySpan<float> source, Span<float> destination, int a, int b, int c)
    {
        for (var i = 0; i < a; i++)
        {
            for (var j = 0; j < b; j++)
            {
                source.Slice((i * b + j) * c, c).CopyTo(destination.Slice((j * a + i) * c, c));
            }
        }
    }

    /// <summary>Splits a given (D·layers, N, H) state into the per-direction buffers, or zeroes them.</summary>
    private static void LoadState(Tensor? given, float[][] slots)
    {
        if (given is null)
        {
            foreach (var slot in slots)
            {
                Array.Clear(slot);
            }
            return;
        }
        ReadOnlySpan<float> values = given.IsContiguous ? given.ContiguousStorage() : given.ToArray();
        for (var s = 0; s < slots.Length; s++)
        {
            values.Slice(s * slots[s].Length, slots[s].Length).CopyTo(slots[s]);
        }
    }

    private static void StoreState(float[][] slots, float[] destination)
    {
        for (var s = 0; s < slots.Length; s++)
        {
            slots[s].CopyTo(destination, s * slots[s].Length);
        }
    }
}
