// torch.* entry points: seeding the global generator and creating tensors from it.
using System.Globalization;
using Recurrent.Autograd;
using Recurrent.Random;

namespace Recurrent;

/// <summary>The functions PyTorch offers as <c>torch.manual_seed</c>, <c>torch.randn</c>, <c>torch.rand</c>, <c>torch.arange</c>.</summary>
public static partial class Torch
{
    private static readonly object Gate = new();

    /// <summary>torch.manual_seed: reseeds the default generator so later draws repeat PyTorch's exactly.</summary>
    public static void ManualSeed(long seed)
    {
        lock (Gate)
        {
            Generator.Default.Seed(unchecked((ulong)seed));
        }
    }

    /// <summary>torch.randn: standard normal values from the default generator.</summary>
    public static Tensor Randn(params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        FillNormal(t, 0, 1);
        return t;
    }

    /// <summary>torch.rand: uniform values in [0, 1) from the default generator.</summary>
    public static Tensor Rand(params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        FillUniform(t, 0, 1);
        return t;
    }

    /// <summary>torch.arange: start, start + step, … up to but excluding <paramref name="end"/>.</summary>
    public static Tensor Arange(float start, float end, float step = 1f)
    {
        if (step == 0 || !float.IsFinite(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be finite and nonzero, got {step}");
        }
        if (!float.IsFinite(start) || !float.IsFinite(end))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"unsupported range: {start} -> {end}"), float.IsFinite(start) ? nameof(end) : nameof(start));
        }
        if ((end - start) / (double)step < 0)
        {
            throw new ArgumentException(
                $"upper bound and larger bound inconsistent with step sign: start {start}, end {end}, step {step}",
                nameof(step));
        }
        var steps = Math.Ceiling((end - (double)start) / step);
        var count = steps <= Array.MaxLength ? (int)steps : throw new ArgumentException(
            $"Trying to create tensor with {steps} elements (arange from {start} to {end} by {step}), but a tensor holds at most {Array.MaxLength} elements", nameof(end));
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(start + (double)step * i);
        }
        return new Tensor(values, [count]);
    }

    /// <summary>
    /// torch.no_grad(): <c>using (Torch.NoGrad()) { … }</c> runs its block without recording the graph, so results do
    /// not require grad and nothing is kept for a backward pass (inference, and optimizers' in-place updates).
    /// </summary>
    public static IDisposable NoGrad() => GradMode.Disable();

    /// <summary>torch.zeros.</summary>
    public static Tensor Zeros(params int[] shape) => Tensor.Zeros(shape);

    /// <summary>torch.cat.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0) => Tensor.Cat(tensors, dim);

    /// <summary>torch.stack.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0) => Tensor.Stack(tensors, dim);

    /// <summary>Tensor.uniform_(from, to) on the default generator (parameter initialisation).</summary>
    internal static void FillUniform(Tensor t, double from, double to)
    {
        lock (Gate)
        {
            Generator.Default.FillUniform(t.ContiguousStorage(), from, to);
        }
    }

    /// <summary>Tensor.normal_(mean, std) on the default generator.</summary>
    internal static void FillNormal(Tensor t, double mean, double std)
    {
        lock (Gate)
        {
            Generator.Default.FillNormal(t.ContiguousStorage(), mean, std);
        }
    }
}
