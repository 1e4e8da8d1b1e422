// nn.Linear: y = x W^T + b over the last dimension, with PyTorch's Kaiming-uniform initialisation.
using Recurrent.Autograd;
using Recurrent.Kernels;

namespace Recurrent;

/// <summary>An affine map as PyTorch's <c>nn.Linear</c>: input (…, inFeatures) → output (…, outFeatures).</summary>
public sealed class Linear : Module
{
    /// <summary>An affine map as <c>nn.Linear(in_features, out_features, bias)</c>, initialised as PyTorch does (Kaiming-uniform weight, bias from ±1/√in_features).</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true)
        : base(nameof(Linear))
    {
        if (inFeatures <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inFeatures), inFeatures, $"in_features must be greater than zero, got {inFeatures}");
        }
        if (outFeatures <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outFeatures), outFeatures, $"out_features must be greater than zero, got {outFeatures}");
        }
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = ParameterSet.Add("weight", outFeatures, inFeatures);   // (out, in)
        Bias = bias ? ParameterSet.Add("bias", outFeatures) : null;     // (out)

        // kaiming_uniform_(a=√5): gain √(2 / (1 + a²)), bound √3 · gain / √fan_in; then the bias from ±1/√fan_in.
        var a = Math.Sqrt(5.0);
        var gain = Math.Sqrt(2.0 / (1 + a * a));
        var bound = Math.Sqrt(3.0) * (gain / Math.Sqrt(inFeatures));
        Torch.FillUniform(Weight, -bound, bound);
        if (Bias is not null)
        {
            var biasBound = 1 / Math.Sqrt(inFeatures);
            Torch.FillUniform(Bias, -biasBound, biasBound);
        }
    }

    /// <summary>in_features: the size of the input's last dimension.</summary>
    public int InFeatures { get; }

    /// <summary>out_features: the size of the output's last dimension.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, (outFeatures, inFeatures); the live parameter.</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, (outFeatures), or null when built with <c>bias: false</c>; the live parameter.</summary>
    public Tensor? Bias { get; }

    /// <summary>
    /// y = x W^T + b applied to every row of the last dimension: the product first, then the bias, as addmm adds it.
    /// Recorded under the grad_fn PyTorch's F.linear ends with for the input: AddmmBackward0 (2-D, bias),
    /// ViewBackward0 (other contiguous input, bias: flattened to 2-D, addmm, viewed back), AddBackward0
    /// (non-contiguous, bias), and without bias MmBackward0 (2-D), SqueezeBackward4 (1-D), UnsafeViewBackward0 (N-D).
    /// </summary>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim == 0 || input.Size(-1) != InFeatures)
        {
            throw new ArgumentException(
                $"input.size(-1) must be equal to in_features. Expected {InFeatures}, got shape {Tensor.ShapeText(input.Shape)}",
                nameof(input));
        }
        input.RequireFloat(nameof(Linear));
        var rows = input.Numel() / InFeatures;
        var weightT = MatrixProduct.Transpose(Weight.ContiguousStorage(), OutFeatures, InFeatures);   // (in, out)
        var y = new float[rows * OutFeatures];                                                          // (R, out)
        MatrixProduct.Multiply(input.RowMajor(), weightT, y, rows, InFeatures, OutFeatures);
        if (Bias is not null)
        {
            var b = Bias.ContiguousStorage();
            for (var r = 0; r < rows; r++)
            {
                var row = y.AsSpan(r * OutFeatures, OutFeatures);
                for (var j = 0; j < row.Length; j++)
                {
                    row[j] += b[j];
                }
            }
        }
        var output = new Tensor(y, [.. input.Shape.Take(input.Dim - 1), OutFeatures]);
        return Tensor.Records(input, Weight) || Bias is { } bias && Tensor.Records(bias)
            ? output.AttachGradFn(new LinearBackward(input, Weight, Bias, GradFnName(input)))
            : output;
    }

    /// <summary>PyTorch's repr: <c>Linear(in_features=2, out_features=1, bias=True)</c>.</summary>
    public override string ToString() => $"Linear(in_features={InFeatures}, out_features={OutFeatures}, bias={(Bias is null ? "False" : "True")})";

    private string GradFnName(Tensor input) => (Bias is not null, input.Dim) switch
    {
        (true, 2) => "AddmmBackward0",
        (true, _) => input.IsContiguous ? "ViewBackward0" : "AddBackward0",
        (false, 1) => "SqueezeBackward4",
        (false, 2) => "MmBackward0",
        _ => "UnsafeViewBackward0",
    };
}
