// What a benchmark row is: a shape, its target, its work in flops, and the timed call it makes on each side.
namespace Recurrent.Bench;

/// <summary>
/// A row of the table. Adding one is one small file under <c>Workloads/</c>: a subclass with a parameterless
/// constructor (found by reflection). The defaults time one forward pass on each side; a workload that times
/// something else (a training step: <see cref="TrainingWorkload"/>) overrides <see cref="CreateRecurrent"/>,
/// <see cref="CreateTorch"/>, <see cref="Flops"/> and the parity check. Each side's call is built only in that side's process, so a Recurrent process never loads
/// TorchSharp (Program checks that it did not).
/// </summary>
internal abstract class Workload(string id, string cell, int seqLen, int batch, int inputSize, int hiddenSize,
    int layers, bool bidirectional, Target target)
{
    public string Id { get; } = id;

    /// <summary>"rnn", "rnn_relu", "lstm" or "gru".</summary>
    public string Cell { get; } = cell;

    public int SeqLen { get; } = seqLen;

    public int Batch { get; } = batch;

    public int InputSize { get; } = inputSize;

    public int HiddenSize { get; } = hiddenSize;

    public int Layers { get; } = layers;

    public bool Bidirectional { get; } = bidirectional;

    public Target Target { get; } = target;

    /// <summary>Every workload under Workloads/, in the order of their ids (S1, S2, S2-GRU, …).</summary>
    public static IReadOnlyList<Workload> All { get; } = typeof(Workload).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Workload)) && !t.IsAbstract)
        .Select(t => (Workload)Activator.CreateInstance(t)!)
        .OrderBy(w => w.Id, StringComparer.Ordinal)
        .ToList();

    public static Workload Get(string id) => All.FirstOrDefault(w => w.Id == id)
        ?? throw new ArgumentException($"unknown workload '{id}'; expected one of {string.Join(", ", All.Select(w => w.Id))}");

    /// <summary>Floating-point operations of one timed call: 2 per multiply-add of the input and recurrent products.</summary>
    public virtual double Flops
    {
        get
        {
            var gates = (Cell switch { "lstm" => 4, "gru" => 3, _ => 1 }) * HiddenSize;
            var directions = Bidirectional ? 2 : 1;
            double total = 0;
            for (var layer = 0; layer < Layers; layer++)
            {
                var input = layer == 0 ? InputSize : directions * HiddenSize;
                total += 2.0 * SeqLen * Batch * gates * (input + HiddenSize) * directions;
            }
            return total;
        }
    }

    /// <summary>Recurrent's side: a forward pass of the module built from seed 0 on the seed-0 input.</summary>
    public virtual ITimedCall CreateRecurrent() => new RecurrentForwardCall(this);

    /// <summary>libtorch's side: the same module (weights copied from Recurrent's seed-0 state dict), inference mode.</summary>
    public virtual ITimedCall CreateTorch() => new TorchForwardCall(this);

    /// <summary>How far Recurrent's <see cref="ITimedCall.Result"/> is from libtorch's: the largest absolute difference (infinite when the lengths differ).</summary>
    public virtual float ParityError(ReadOnlySpan<float> ours, ReadOnlySpan<float> theirs)
    {
        if (ours.Length != theirs.Length || ours.Length == 0)
        {
            return float.PositiveInfinity;
        }
        var worst = 0f;
        for (var i = 0; i < ours.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(ours[i] - theirs[i]));
        }
        return worst;
    }

    /// <summary>The largest <see cref="ParityError"/> at which the times are reported.</summary>
    public virtual float ParityTolerance => 1e-5f;

    public override string ToString() => Id;
}

/// <summary>One side's timed operation, with its result for the parity check.</summary>
internal interface ITimedCall : IDisposable
{
    void Call();

    /// <summary>The same work writing into reused outputs, when the side offers that (Recurrent's Forward(…, into:)); else null.</summary>
    Action? CallReusingOutputs => null;

    /// <summary>What the parity check compares across the two processes (a forward row's output sequence, flattened).</summary>
    float[] Result();
}
