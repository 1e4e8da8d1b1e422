// Gradients of + − * / (tensor and number, both orders), unary minus, the activations, Pow, Sum and Mean against float64 finite differences.
namespace Recurrent.Tests.Autograd;

public sealed class ArithmeticGradientTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(0, 12));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void BinaryOperators_OnRandomBroadcastShapes_MatchFiniteDifferences(int seed)
    {
        var random = new System.Random(seed);
        var (shapeA, shapeB) = RandomBroadcastPair(random);
        var a = GradientCheck.Uniform(random, shapeA, -2, 2, awayFromZero: true);
        var b = GradientCheck.Uniform(random, shapeB, 0.5, 2).Apply(v => random.Next(2) == 0 ? v : -v, DType.Float32);
        var onlyOne = random.Next(3);   // 0: both require grad, 1: only a, 2: only b

        (Func<Tensor, Tensor, Tensor> Op, Func<double, double, double> Formula)[] cases =
        [
            ((x, y) => x + y, (x, y) => x + y),
            ((x, y) => x - y, (x, y) => x - y),
            ((x, y) => x * y, (x, y) => x * y),
            ((x, y) => x / y, (x, y) => x / y),
        ];
        foreach (var (op, formula) in cases)
        {
            var left = a.Clone().RequiresGrad_(onlyOne != 2);
            var right = b.Clone().RequiresGrad_(onlyOne != 1);
            GradientCheck.Run([left, right], t => op(t[0], t[1]), r => F64.Zip(r[0], r[1], formula), seed);
        }
    }

    public static TheoryData<string> ScalarCases => new(
        "t + 1.5f", "1.5f + t", "t + 2", "2 + t", "t - 0.5f", "0.5f - t", "t - 3", "3 - t",
        "t * 1.5f", "1.5f * t", "t * -2", "-2 * t", "t / 4f", "3f / t", "-t");

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void OperatorsWithANumber_MatchFiniteDifferences(string expression)
    {
        var t = GradientCheck.Uniform(new System.Random(3), [2, 3], -2, 2, awayFromZero: true).RequiresGrad_();

        var (op, formula) = ScalarCase(expression);

        GradientCheck.Run([t], x => op(x[0]), r => r[0].Map(formula));
    }

    public static TheoryData<string> UnaryCases => new("Tanh", "Sigmoid", "Relu", "Abs", "Pow(2)", "Pow(3)", "Pow(-1)", "Pow(0.5)", "Pow(0)");

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void UnaryOperations_MatchFiniteDifferences(string name)
    {
        var positive = name == "Pow(0.5)";
        var t = GradientCheck.Uniform(new System.Random(5), [3, 4], positive ? 0.2 : -2, 2, awayFromZero: true).RequiresGrad_();

        (Func<Tensor, Tensor> op, Func<double, double> formula) = name switch
        {
            "Tanh" => ((Func<Tensor, Tensor>)(x => x.Tanh()), (Func<double, double>)Math.Tanh),
            "Sigmoid" => (x => x.Sigmoid(), v => 1 / (1 + Math.Exp(-v))),
            "Relu" => (x => x.Relu(), v => Math.Max(v, 0)),
            "Abs" => (x => x.Abs(), Math.Abs),
            "Pow(2)" => (x => x.Pow(2), v => v * v),
            "Pow(3)" => (x => x.Pow(3), v => v * v * v),
            "Pow(-1)" => (x => x.Pow(-1), v => 1 / v),
            "Pow(0.5)" => (x => x.Pow(0.5f), Math.Sqrt),
            _ => (x => x.Pow(0), _ => 1.0),
        };

        GradientCheck.Run([t], x => op(x[0]), r => r[0].Map(formula));
    }

    [Fact]
    public void SumAndMean_SpreadTheGradientOverEveryElement()
    {
        var values = GradientCheck.Uniform(new System.Random(8), [2, 3, 2], -1, 1);

        GradientCheck.Run([values.Clone().RequiresGrad_()], x => x[0].Sum(), r => F64.Scalar(r[0].Sum()));
        GradientCheck.Run([values.Clone().RequiresGrad_()], x => x[0].Mean(), r => F64.Scalar(r[0].Sum() / r[0].Data.Length));
    }

    [Fact]
    public void Backward_ThroughAChainOfOperations_MatchesFiniteDifferences()
    {
        var random = new System.Random(11);
        var x = GradientCheck.Uniform(random, [3, 2], -1, 1).RequiresGrad_();
        var w = GradientCheck.Uniform(random, [2], -1, 1).RequiresGrad_();

        // tanh(x·w + 1)·σ(x) − |x| / 2, reusing x on three paths
        GradientCheck.Run([x, w],
            t => ((t[0] * t[1] + 1).Tanh() * t[0].Sigmoid() - t[0].Abs() / 2f).Pow(2),
            r => F64.Zip(r[0], r[1], (xv, wv) => Math.Tanh(xv * wv + 1))
                .Let(th => F64.Zip(th, r[0], (h, xv) => h / (1 + Math.Exp(-xv)) - Math.Abs(xv) / 2))
                .Map(v => v * v));
    }

    /// <summary>Two shapes that broadcast together: a random shape, and a suffix of it with some sizes set to 1.</summary>
    internal static (int[] A, int[] B) RandomBroadcastPair(System.Random random)
    {
        var full = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(1, 5)).ToArray();
        var suffix = full[random.Next(full.Length + 1)..].Select(s => random.Next(3) == 0 ? 1 : s).ToArray();
        return random.Next(2) == 0 ? (full, suffix) : (suffix, full);
    }

    private static (Func<Tensor, Tensor> Op, Func<double, double> Formula) ScalarCase(string expression) => expression switch
    {
        "t + 1.5f" => (t => t + 1.5f, v => v + 1.5),
        "1.5f + t" => (t => 1.5f + t, v => 1.5 + v),
        "t + 2" => (t => t + 2, v => v + 2),
        "2 + t" => (t => 2 + t, v => 2 + v),
        "t - 0.5f" => (t => t - 0.5f, v => v - 0.5),
        "0.5f - t" => (t => 0.5f - t, v => 0.5 - v),
        "t - 3" => (t => t - 3, v => v - 3),
        "3 - t" => (t => 3 - t, v => 3 - v),
        "t * 1.5f" => (t => t * 1.5f, v => v * 1.5),
        "1.5f * t" => (t => 1.5f * t, v => 1.5 * v),
        "t * -2" => (t => t * -2, v => v * -2),
        "-2 * t" => (t => -2 * t, v => -2 * v),
        "t / 4f" => (t => t / 4f, v => v / 4),
        "3f / t" => (t => 3f / t, v => 3 / v),
        _ => (t => -t, v => -v),
    };
}

internal static class F64Extensions
{
    public static F64 Let(this F64 value, Func<F64, F64> then) => then(value);
}
