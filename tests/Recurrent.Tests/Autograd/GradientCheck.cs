// Checks a library operation's forward values and gradients against a float64 re-computation and its finite differences.
namespace Recurrent.Tests.Autograd;

/// <summary>
/// For an operation y = op(x₁, …, xₖ): builds the scalar loss Σ w⊙y with fixed random weights w, runs Backward on the
/// library's float32 graph, and compares every xᵢ.Grad element with the central difference
/// (L(x + h) − L(x − h)) / 2h of the same loss computed by the float64 <see cref="F64"/> formula. The forward values
/// are compared too. Tolerances are float32-sized: |got − expected| ≤ 1e-4 + 1e-4·|expected| for gradients.
/// </summary>
public static class GradientCheck
{
    private const double Step = 1e-5;

    public static void Run(Tensor[] inputs, Func<Tensor[], Tensor> op, Func<F64[], F64> reference, int seed = 1,
        double forwardTolerance = 2e-5)
    {
        var output = op(inputs);
        Assert.True(output.RequiresGrad, "the operation recorded nothing");
        var expectedOutput = reference([.. inputs.Select(F64.From)]);
        Assert.Equal(expectedOutput.Shape, output.Shape.ToArray());
        AssertClose(expectedOutput.Data, output.ToArray(), forwardTolerance, "forward");

        var weights = Uniform(new System.Random(seed), [.. output.Shape], -1, 1);
        (output * weights).Sum().Backward();

        var w = F64.From(weights);
        var points = inputs.Select(F64.From).ToArray();
        for (var i = 0; i < inputs.Length; i++)
        {
            if (!inputs[i].RequiresGrad)
            {
                Assert.Null(inputs[i].Grad);
                continue;
            }
            var grad = inputs[i].Grad;
            Assert.NotNull(grad);
            Assert.Equal(inputs[i].Shape, grad.Shape);
            var expected = new double[points[i].Data.Length];
            for (var k = 0; k < expected.Length; k++)
            {
                var x = points[i].Data[k];
                expected[k] = (Loss(points, i, points[i].With(k, x + Step), reference, w)
                             - Loss(points, i, points[i].With(k, x - Step), reference, w)) / (2 * Step);
            }
            AssertClose(expected, grad.ToArray(), 1e-4, $"gradient of input {i}");
        }
    }

    /// <summary>A tensor of uniform values in [low, high) from <paramref name="random"/>, kept away from 0 by 0.1 when asked.</summary>
    public static Tensor Uniform(System.Random random, int[] shape, double low, double high, bool awayFromZero = false)
    {
        var values = new float[shape.Aggregate(1, (n, s) => n * s)];
        for (var i = 0; i < values.Length; i++)
        {
            var v = low + (high - low) * random.NextDouble();
            if (awayFromZero && Math.Abs(v) < 0.1)
            {
                v = v < 0 ? v - 0.1 : v + 0.1;
            }
            values[i] = (float)v;
        }
        return Tensor.FromArray(values, shape);
    }

    public static void AssertClose(double[] expected, float[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            var diff = Math.Abs(actual[k] - expected[k]);
            Assert.True(diff <= tolerance + tolerance * Math.Abs(expected[k]),
                $"{what}[{k}]: expected {expected[k]:R}, got {actual[k]:R} (|diff| {diff:E2})");
        }
    }

    private static double Loss(F64[] points, int replaced, F64 value, Func<F64[], F64> reference, F64 weights)
    {
        var arguments = (F64[])points.Clone();
        arguments[replaced] = value;
        return reference(arguments).Dot(weights);
    }
}
