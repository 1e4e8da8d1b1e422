// torch.nn.functional's losses: mean squared error and cross entropy over class indices, each recording its backward.
using Recurrent.Autograd;
using Recurrent.Kernels;

namespace Recurrent;

/// <summary>The functions PyTorch offers as <c>torch.nn.functional</c> (F.mse_loss, F.cross_entropy; F.softmax in Functional.Softmax.cs).</summary>
public static partial class Functional
{
    /// <summary>Targets equal to this are skipped by <see cref="CrossEntropy"/>, as PyTorch's default ignore_index.</summary>
    public const int IgnoreIndex = -100;

    /// <summary>
    /// F.mse_loss(input, target) with reduction='mean': the mean of (input − target)² as a 0-dim tensor
    /// (MseLossBackward0). The shapes must be equal: PyTorch only warns and broadcasts, which silently averages the
    /// wrong pairs (a (N, 1) prediction against an (N) target gives N² terms); here its warning is the error.
    /// </summary>
    public static Tensor MseLoss(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        input.RequireFloat("MseLoss input");
        target.RequireFloat("MseLoss target");
        if (!input.Shape.SequenceEqual(target.Shape))
        {
            throw new ArgumentException(
                $"Using a target size ({new TensorShape([.. target.Shape])}) that is different to the input size " +
                $"({new TensorShape([.. input.Shape])}). This will likely lead to incorrect results due to broadcasting. " +
                "Please ensure they have the same size.", nameof(target));
        }
        var x = input.RowMajor();
        var t = target.RowMajor();
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - t[i];
            sum += d * d;                                   // each square in float32, as PyTorch's mse kernel
        }
        var loss = new Tensor([(float)sum / x.Length], []);
        return Tensor.Records(input, target) ? loss.AttachGradFn(new MseLossBackward(input, target)) : loss;
    }

    /// <summary>
    /// F.cross_entropy(input, target) with reduction='mean': input (N, C) logits (or (C) for one example), target (N)
    /// class indices (or a 0-dim one), an Int64 tensor or a Float32 one holding whole numbers; targets equal to
    /// <see cref="IgnoreIndex"/> (−100) are left out of the loss and of the mean. Computed as PyTorch does, as
    /// nll_loss(log_softmax(input)) with a numerically stable log-softmax (NllLossBackward0 over LogSoftmaxBackward0).
    /// </summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        var classes = CheckCrossEntropyShapes(input, target);
        input.RequireFloat("CrossEntropy input");
        var targets = target.ToIndices("CrossEntropy target", nameof(target));
        foreach (var t in targets)
        {
            if (t != IgnoreIndex && (t < 0 || t >= classes))
            {
                throw new ArgumentOutOfRangeException(nameof(target), t, $"Target {t} is out of bounds.");
            }
        }
        return NllLoss(LogSoftmax(input), targets);
    }

    /// <summary>The class count, after PyTorch's checks of the input and target shapes, in its words.</summary>
    private static int CheckCrossEntropyShapes(Tensor input, Tensor target)
    {
        if (input.Dim == 0)
        {
            throw new ArgumentException($"Expected 1 or more dimensions (got {input.Dim})", nameof(input));
        }
        if (input.Dim > 2)
        {
            throw new NotSupportedException(
                $"CrossEntropy takes input of shape (N, C) or (C), got {Tensor.ShapeText(input.Shape)}: inputs with " +
                "extra dimensions (N, C, d1, ...) are not supported; move the classes last and View(-1, C)");
        }
        if (input.Shape.SequenceEqual(target.Shape) && input.Dim == 2)
        {
            throw new NotSupportedException(
                $"CrossEntropy takes class indices, a target of shape [{input.Size(0)}] for input " +
                $"{Tensor.ShapeText(input.Shape)}; a target of the input's shape would be class probabilities, which are not supported");
        }
        if (input.Dim == 2 && target.Dim >= 1 && input.Size(0) != target.Size(0))
        {
            throw new ArgumentException(
                $"Expected input batch_size ({input.Size(0)}) to match target batch_size ({target.Size(0)}).", nameof(target));
        }
        if (target.Dim > 1)
        {
            throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported", nameof(target));
        }
        var oneExample = input.Dim == 1;
        if (oneExample != (target.Dim == 0))
        {
            throw new ArgumentException(
                $"size mismatch (got input: {Tensor.ShapeText(input.Shape)}, target: {Tensor.ShapeText(target.Shape)})",
                nameof(target));
        }
        return input.Size(-1);
    }

    /// <summary>log_softmax over the last dimension: (x − max) − log Σ exp(x − max), row by row.</summary>
    internal static Tensor LogSoftmax(Tensor input)
    {
        var classes = input.Size(-1);
        var x = input.RowMajor();
        var result = new float[x.Length];
        for (var start = 0; start < x.Length; start += classes)
        {
            var row = x.Slice(start, classes);
            var max = float.NegativeInfinity;
            foreach (var v in row)
            {
                max = MathF.Max(max, v);
            }
            var sum = 0.0;
            foreach (var v in row)
            {
                sum += Activations.ExpOfNonPositive(v - max);
            }
            var logSum = (float)Math.Log(sum);
            for (var c = 0; c < classes; c++)
            {
                result[start + c] = row[c] - max - logSum;
            }
        }
        var output = new Tensor(result, [.. input.Shape]);
        return Tensor.Records(input) ? output.AttachGradFn(new LogSoftmaxBackward(input, output)) : output;
    }

    /// <summary>nll_loss, mean over the targets that are not <see cref="IgnoreIndex"/>: −Σ logp[i, tᵢ] / count.</summary>
    private static Tensor NllLoss(Tensor logProbabilities, int[] targets)
    {
        var classes = logProbabilities.Size(-1);
        var logp = logProbabilities.RowMajor();
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] != IgnoreIndex)
            {
                sum -= logp[i * classes + targets[i]];
                count++;
            }
        }
        var loss = new Tensor([(float)sum / count], []);
        return Tensor.Records(logProbabilities)
            ? loss.AttachGradFn(new NllLossBackward(logProbabilities, targets, count))
            : loss;
    }
}
