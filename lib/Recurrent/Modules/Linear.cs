// nn.Linear: y = x W^T + b over the last dimension, with PyTorch's Kaiming-uniform initialisation.
namespace Recurrent;

/// <summary>An affine map as PyTorch's <c>nn.Linear</c>: input (…, inFeatures) → output (…, outFeatures).</summary>
public sealed class Linear : Module
{
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

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Tensor Weight { get; }

    public Tensor? Bias { get; }

    /// <summary>y = x W^T + b applied to every row of the last dimension.</summary>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim == 0 || input.Size(-1) != InFeatures)
        {
            throw new ArgumentException(
                $"input.size(-1) must be equal to in_features. Expected {InFeatures}, got shape {Tensor.ShapeText(input.Shape)}",
                nameof(input));
        }
        var rows = input.Reshape(-1, InFeatures);                     // (R, in)
        var y = rows.MatMul(Weight.T);                                // (R, out)
        if (Bias is not null)
        {
            y += Bias;
        }
        return y.View([.. input.Shape.Take(input.Dim - 1), OutFeatures]);
    }

    public override string ToString() => $"Linear(in_features={InFeatures}, out_features={OutFeatures}, bias={(Bias is null ? "False" : "True")})";
}
