// The forward pass shared by the recurrent modules: layout, then layer by layer, direction by direction, recording when asked.
using Recurrent.Autograd;
using Recurrent.Kernels;

namespace Recurrent;

internal static class RecurrentForward
{
    /// <summary>
    /// The kernel that computes each direction: <see cref="SimdKernel"/> by default; <see cref="MathNetKernel"/>, the
    /// one the notebooks teach with, can be swapped in without touching the API (for inference only: it records nothing).
    /// </summary>
    internal static IRecurrentKernel Kernel { get; set; } = SimdKernel.Instance;

    public static RecurrentResult Run(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0,
        string hiddenLabel, string cellLabel) =>
        Forward(m, ForwardChecks.Sequence(m, input, h0, c0, hiddenLabel, cellLabel), input, h0, c0);

    /// <summary>A packed batch: the output's data comes back packed the same way, h_n in the caller's batch order.</summary>
    public static RecurrentResult RunPacked(RecurrentModule m, PackedSequence input, Tensor? h0, Tensor? c0,
        string hiddenLabel, string cellLabel) =>
        Forward(m, ForwardChecks.Packed(m, input, h0, c0, hiddenLabel, cellLabel), input.Data, h0, c0);

    /// <summary>
    /// The forward pass into the caller's tensors (PyTorch's <c>out=</c>), each of exactly the shape <see cref="Run"/>
    /// returns and owning its storage, so repeated calls allocate nothing: at S3's size the output alone is 52 MB,
    /// a large-object-heap allocation per call that costs gen-2 collections and page faults. As in PyTorch, a call
    /// that would record for backward is refused.
    /// </summary>
    public static void RunInto(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0, Tensor output, Tensor hN,
        Tensor? cN, string hiddenLabel, string cellLabel)
    {
        var layout = ForwardChecks.Sequence(m, input, h0, c0, hiddenLabel, cellLabel);
        Span<int> shape = stackalloc int[3];
        var outputArray = Destination(output, shape[..layout.SequenceShape(m.Spec.OutputWidth, shape)], "output");
        var stateShape = shape[..layout.StateShape(m.Spec.StateCount, m.Spec.HiddenSize, shape)];
        var hNArray = Destination(hN, stateShape, "h_n");
        var cNArray = m.Spec.Kind == CellKind.Lstm ? Destination(cN, stateShape, "c_n") : null;
        if (ReferenceEquals(outputArray, hNArray) || ReferenceEquals(outputArray, cNArray) || ReferenceEquals(hNArray, cNArray))
        {
            throw new ArgumentException("into: output, h_n and c_n must be different tensors", "into");
        }
        if (input.DenseArray() is { } inputArray &&
            (ReferenceEquals(inputArray, outputArray) || ReferenceEquals(inputArray, hNArray) || ReferenceEquals(inputArray, cNArray)))
        {
            throw new ArgumentException("into: the input cannot also be an output (it is read while the outputs are written)", "into");
        }
        if (Records(m, input, h0, c0))
        {
            throw new InvalidOperationException(
                "Forward(…, into:) doesn't support automatic differentiation, but one of the arguments requires grad: run it inside Torch.NoGrad()");
        }
        Compute(m, layout, input, h0, c0, outputArray, hNArray, cNArray, record: false);
    }

    /// <summary>The storage of a caller's destination tensor, checked to be of <paramref name="shape"/> and dense.</summary>
    private static float[] Destination(Tensor? given, ReadOnlySpan<int> shape, string name)
    {
        if (given is null)
        {
            throw new ArgumentNullException("into", $"into: expected a {name} tensor of size ({string.Join(", ", shape.ToArray())}), got null");
        }
        var matches = given.Dim == shape.Length;
        for (var d = 0; matches && d < shape.Length; d++)
        {
            matches = given.Size(d) == shape[d];
        }
        if (!matches)
        {
            throw new ArgumentException(
                $"into: Expected {name} size ({string.Join(", ", shape.ToArray())}), got {Tensor.ShapeText(given.Shape)}", "into");
        }
        return given.DenseArray() ?? throw new ArgumentException(
            $"into: {name} must be a contiguous tensor that owns its storage (e.g. from Tensor.Zeros), got a view", "into");
    }

    /// <summary>
    /// The forward pass into caller-provided arrays laid out as <see cref="Run"/> returns them (output, h_n, c_n),
    /// recording nothing; once the module has a workspace for this (L, N) it allocates nothing, except to copy a
    /// non-contiguous input.
    /// </summary>
    internal static void RunInto(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0,
        float[] output, float[] hN, float[]? cN)
    {
        var layout = ForwardChecks.Sequence(m, input, h0, c0, "hidden", "cell");
        Compute(m, layout, input, h0, c0, output, hN, cN, record: false);
    }

    private static RecurrentResult Forward(RecurrentModule m, SequenceLayout layout, Tensor input, Tensor? h0,
        Tensor? c0)
    {
        var spec = m.Spec;
        var outputShape = layout.SequenceShape(spec.OutputWidth);
        var stateShape = layout.StateShape(spec.StateCount, spec.HiddenSize);
        // Every element is written below, so the arrays skip zeroing.
        var output = GC.AllocateUninitializedArray<float>(checked(layout.Rows * spec.OutputWidth));
        var hN = GC.AllocateUninitializedArray<float>(checked(spec.StateCount * layout.Batch * spec.HiddenSize));
        var cN = spec.Kind == CellKind.Lstm ? GC.AllocateUninitializedArray<float>(hN.Length) : null;
        var record = Compute(m, layout, input, h0, c0, output, hN, cN, Records(m, input, h0, c0));

        var result = new RecurrentResult(new Tensor(output, outputShape), new Tensor(hN, stateShape),
            cN is null ? null : new Tensor(cN, (int[])stateShape.Clone()));
        if (record is null)
        {
            return result;
        }
        var node = new RecurrentBackward(m, layout, (SimdKernel)Kernel, record, input, h0, c0);
        result.Output.AttachGradFn(node, 0);
        result.HN.AttachGradFn(node, 1);
        result.CN?.AttachGradFn(node, 2);
        return result;
    }

    /// <summary>True when grad mode is on and the input, a given state or any parameter requires grad.</summary>
    private static bool Records(RecurrentModule m, Tensor input, Tensor? h0, Tensor? c0)
    {
        if (!GradMode.IsEnabled)
        {
            return false;
        }
        if (input.RequiresGrad || h0 is { RequiresGrad: true } || c0 is { RequiresGrad: true })
        {
            return true;
        }
        foreach (var weight in m.FlatWeights)
        {
            if (weight.RequiresGrad)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs every layer and direction; with <paramref name="record"/>, returns what backward needs.</summary>
    private static StackRecord? Compute(RecurrentModule m, SequenceLayout layout, Tensor input, Tensor? h0,
        Tensor? c0, float[] output, float[] hN, float[]? cN, bool record)
    {
        var (spec, steps, batch) = (m.Spec, layout.Steps, layout.Batch);
        var workspace = Interlocked.Exchange(ref m.IdleWorkspace, null);
        if (workspace is null || workspace.Steps != steps || workspace.Batch != batch)
        {
            workspace = new ForwardWorkspace(spec, m.FlatWeights, steps, batch);
        }
        var kernel = Kernel;
        if (record && kernel is not SimdKernel)
        {
            throw new NotSupportedException(
                $"{kernel.GetType().Name} does not record for backward; run it inside Torch.NoGrad() or use the SIMD kernel");
        }
        // A dense time-major input is read where it is (S3's is 13 MB); anything else is copied into the workspace.
        var direct = !layout.Packed && (!layout.Batched || !layout.BatchFirst);   // already time-major
        var layerInput = direct ? input.DenseArray() : null;
        if (layerInput is null)
        {
            layout.ToTimeMajor(input, workspace.Input, spec.InputSize);
        }
        var firstLayer = workspace.Jobs.AsSpan(0, spec.NumDirections);
        foreach (var job in firstLayer)
        {
            job.Input = layerInput ?? workspace.Input;
        }
        layout.StateToKernel(h0, workspace.Hidden, spec.HiddenSize);
        if (workspace.Cell is not null)
        {
            layout.StateToKernel(c0, workspace.Cell, spec.HiddenSize);
        }

        var directions = spec.NumDirections;
        var last = spec.NumLayers - 1;
        var finalOutput = direct ? output : workspace.LayerOutput(last);        // (L, N, D·H)
        foreach (var job in workspace.Jobs.AsSpan(last * directions))
        {
            job.Output = finalOutput;
        }
        var saved = record ? Record(m, workspace, layout.Packed) : null;
        for (var layer = 0; layer <= last; layer++)
        {
            var jobs = workspace.Jobs.AsSpan(layer * directions, directions);
            if (saved is not null)
            {
                saved.LayerInputs[layer] = ActiveRowsOf(jobs[0].Input, layout, spec.LayerInputSize(layer),
                    saved.LayerInputs[layer]);
            }
            for (var d = 0; d < directions; d++)
            {
                jobs[d].BatchSizes = layout.BatchSizes;
                jobs[d].Record = saved?.Directions[layer * directions + d];
                kernel.Run(jobs[d]);
                jobs[d].Record = null;
                jobs[d].BatchSizes = null;
            }
        }
        foreach (var job in workspace.Jobs.AsSpan(last * directions))
        {
            job.Output = [];   // do not keep the caller's arrays alive
        }
        foreach (var job in firstLayer)
        {
            job.Input = workspace.Input;
        }
        if (!direct)
        {
            layout.FromTimeMajor(finalOutput, output, spec.OutputWidth);
        }
        layout.StateFromKernel(workspace.Hidden, hN, spec.HiddenSize);
        if (workspace.Cell is not null)
        {
            layout.StateFromKernel(workspace.Cell, cN!, spec.HiddenSize);
        }
        Volatile.Write(ref m.IdleWorkspace, workspace);
        return saved;
    }

    /// <summary>
    /// Buffers for one recorded call: those of an earlier call whose backward has run, when it had this shape, else new
    /// ones. A graph keeps them while later calls run, until its backward hands them back.
    /// </summary>
    private static StackRecord Record(RecurrentModule m, ForwardWorkspace workspace, bool packed)
    {
        var jobs = workspace.Jobs;
        if (Interlocked.Exchange(ref m.IdleRecord, null) is { } idle && idle.Steps == workspace.Steps &&
            idle.Batch == workspace.Batch)
        {
            idle.Generation++;
            for (var slot = 0; slot < jobs.Length; slot++)
            {
                idle.Directions[slot].Reuse(jobs[slot].WeightIh, jobs[slot].WeightHh, packed);
            }
            return idle;
        }
        var directions = new DirectionRecord[jobs.Length];
        for (var slot = 0; slot < directions.Length; slot++)
        {
            var job = jobs[slot];
            directions[slot] = new DirectionRecord(job.Kind, job.SeqLen, job.Batch, job.HiddenSize, job.WeightIh,
                job.WeightHh);
        }
        return new StackRecord(workspace.Steps, workspace.Batch, new float[m.NumLayers][], directions);
    }

    /// <summary>
    /// A copy of a layer's time-major input keeping only the rows that take part in their step (zeros elsewhere), into
    /// <paramref name="reuse"/> when it is one of a reused record.
    /// </summary>
    private static float[] ActiveRowsOf(float[] layerInput, SequenceLayout layout, int width, float[]? reuse)
    {
        var copy = reuse is not null && reuse.Length == layerInput.Length ? reuse : new float[layerInput.Length];
        if (layout.BatchSizes is not { } sizes)
        {
            layerInput.CopyTo(copy, 0);
            return copy;
        }
        Array.Clear(copy);
        for (var t = 0; t < sizes.Length; t++)
        {
            var start = t * layout.Batch * width;
            Array.Copy(layerInput, start, copy, start, sizes[t] * width);
        }
        return copy;
    }
}
