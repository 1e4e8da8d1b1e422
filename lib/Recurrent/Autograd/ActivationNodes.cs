// Backward of the activations, from the saved result (tanh, sigmoid, relu, softmax) or input (abs), in PyTorch's formulas.
namespace Recurrent.Autograd;

/// <summary>y = tanh(x): grad·(1 − y²).</summary>
internal sealed class TanhBackward(Tensor input, Tensor result) : SingleOutputNode(input)
{
    public override string Name => "TanhBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
        [Tensor.Broadcast(gradOutput, result, static (g, y) => g * (1f - y * y), "tanh_backward", DType.Float32)];
}

/// <summary>y = σ(x): grad·(1 − y)·y.</summary>
internal sealed class SigmoidBackward(Tensor input, Tensor result) : SingleOutputNode(input)
{
    public override string Name => "SigmoidBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
        [Tensor.Broadcast(gradOutput, result, static (g, y) => g * (1f - y) * y, "sigmoid_backward", DType.Float32)];
}

/// <summary>y = max(x, 0): grad where y &gt; 0, else 0 (PyTorch's threshold_backward on the result).</summary>
internal sealed class ReluBackward(Tensor input, Tensor result) : SingleOutputNode(input)
{
    public override string Name => "ReluBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
        [Tensor.Broadcast(gradOutput, result, static (g, y) => y <= 0f ? 0f : g, "threshold_backward", DType.Float32)];
}

/// <summary>|x|: grad·sign(x), with sign(0) = 0 and sign(NaN) = NaN.</summary>
internal sealed class AbsBackward(Tensor input) : SingleOutputNode(input)
{
    public override string Name => "AbsBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput) =>
        [Tensor.Broadcast(gradOutput, Edges[0]!, static (g, x) => g * Sign(x), "abs_backward", DType.Float32)];

    private static float Sign(float x) => x > 0f ? 1f : x < 0f ? -1f : x == 0f ? 0f : float.NaN;
}

/// <summary>y = softmax(x) along a dimension: dx = y·(grad − Σ_line grad·y), line by line.</summary>
internal sealed class SoftmaxBackward(Tensor input, Tensor result, DimLines lines) : SingleOutputNode(input)
{
    public override string Name => "SoftmaxBackward0";

    protected override Tensor?[] Backward(Tensor gradOutput)
    {
        var g = gradOutput.RowMajor();
        var y = result.RowMajor();
        var grad = new float[g.Length];
        for (var line = 0; line < lines.Count; line++)
        {
            var start = lines.Start(line);
            var dot = 0f;
            for (var k = 0; k < lines.Size; k++)
            {
                dot += g[start + k * lines.Stride] * y[start + k * lines.Stride];
            }
            for (var k = 0; k < lines.Size; k++)
            {
                var i = start + k * lines.Stride;
                grad[i] = y[i] * (g[i] - dot);
            }
        }
        return [new Tensor(grad, [.. result.Shape])];
    }
}
