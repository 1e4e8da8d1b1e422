// F.softmax: exponentials normalised to sum to 1 along one dimension, as a differentiable operation.
using Recurrent.Autograd;
using Recurrent.Kernels;

namespace Recurrent;

public static partial class Functional
{
    /// <summary>
    /// F.softmax(input, dim): exp(xᵢ) / Σⱼ exp(xⱼ) along <paramref name="dim"/> (negative counts from the end), a new
    /// tensor of the input's shape whose lines along <paramref name="dim"/> are each a probability distribution.
    /// Computed as PyTorch does, stably: the line's maximum is subtracted before exponentiating, so huge logits give
    /// 0 and 1 instead of NaN. Records SoftmaxBackward0. Divide the logits by a temperature first to sharpen
    /// (below 1) or flatten (above 1) the distribution, then draw from it with <see cref="Torch.Multinomial"/>.
    /// </summary>
    public static Tensor Softmax(Tensor input, int dim)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.RequireFloat("Softmax input");
        var lines = DimLines.Of(input.Shape, Tensor.NormalizeDim(dim, input.Dim, nameof(dim)));
        var x = input.RowMajor();
        var result = new float[x.Length];
        for (var line = 0; line < lines.Count; line++)
        {
            var start = lines.Start(line);
            var max = float.NegativeInfinity;
            for (var k = 0; k < lines.Size; k++)
            {
                max = MathF.Max(max, x[start + k * lines.Stride]);
            }
            var sum = 0.0;
            for (var k = 0; k < lines.Size; k++)
            {
                var e = Activations.ExpOfNonPositive(x[start + k * lines.Stride] - max);
                result[start + k * lines.Stride] = e;
                sum += e;
            }
            var scale = (float)(1.0 / sum);
            for (var k = 0; k < lines.Size; k++)
            {
                result[start + k * lines.Stride] *= scale;
            }
        }
        var output = new Tensor(result, [.. input.Shape]);
        return Tensor.Records(input) ? output.AttachGradFn(new SoftmaxBackward(input, output, lines)) : output;
    }
}
