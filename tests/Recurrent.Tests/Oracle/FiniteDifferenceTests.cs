// The second oracle: every gradient of small random Rnn/Lstm/Gru configurations against central differences of a float64 re-implementation.
namespace Recurrent.Tests.Oracle;

/// <summary>
/// For every cell and every flag the forward pass supports (layers, directions, bias, batch_first, unbatched input,
/// a given h_0 / c_0, packed batches with sorted and unsorted lengths), the library's gradients of
/// L = Σ(output + A)² + Σ(h_n + B)² + Σ(c_n + C)² (A, B, C random constants, so every element gets its own weight)
/// must equal (L(θ + ε) − L(θ − ε)) / 2ε computed by <see cref="RecurrentOracle"/> in double precision, for every
/// parameter, input and initial-state element. The library works in float32, hence the 1e-4 tolerance.
/// </summary>
public sealed class FiniteDifferenceTests
{
    private const int Steps = 4, InputSize = 2, Hidden = 3;
    private const double Epsilon = 1e-6;
    private const double Tolerance = 1e-4;

    // kind, layers, bidirectional, bias, batchFirst, batched, initial state, packing (none, sorted, unsorted).
    public static TheoryData<string, int, bool, bool, bool, bool, bool, string> Configurations
    {
        get
        {
            var data = new TheoryData<string, int, bool, bool, bool, bool, bool, string>();
            foreach (var kind in new[] { "rnn_tanh", "rnn_relu", "lstm", "gru" })
            {
                data.Add(kind, 1, false, true, false, true, false, "none");
                data.Add(kind, 2, true, false, true, true, true, "none");
                data.Add(kind, 1, true, true, false, false, true, "none");     // unbatched
                data.Add(kind, 2, false, true, true, false, false, "none");    // unbatched, batch_first ignored
                data.Add(kind, 2, true, true, false, true, true, "sorted");
                data.Add(kind, 1, true, false, true, true, false, "unsorted");
                data.Add(kind, 2, false, true, false, true, true, "unsorted");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Gradients_MatchCentralDifferencesOfAFloat64Reimplementation(string kind, int layers,
        bool bidirectional, bool bias, bool batchFirst, bool batched, bool initial, string packing)
    {
        var batch = batched ? 3 : 1;
        var lengths = packing switch
        {
            "sorted" => new[] { 4, 3, 1 },
            "unsorted" => [2, 4, 2],                                 // a tie, and the longest in the middle
            _ => Enumerable.Repeat(Steps, batch).ToArray(),
        };
        var random = new System.Random($"{kind}{layers}{bidirectional}{bias}{batchFirst}{batched}{initial}{packing}".Sum(ch => ch * 31));
        var module = Build(kind, layers, bidirectional, bias, batchFirst, random);
        var oracle = new RecurrentOracle(kind, InputSize, Hidden, layers, bidirectional, bias);
        var width = (bidirectional ? 2 : 1) * Hidden;
        var states = (bidirectional ? 2 : 1) * layers;
        var x = Values(random, Steps * batch * InputSize);                          // (L, N, H_in), time-major
        var h0 = initial ? Values(random, states * batch * Hidden) : null;
        var c0 = initial && kind == "lstm" ? Values(random, states * batch * Hidden) : null;
        var (a, b, c) = (Values(random, Steps * batch * width), Values(random, states * batch * Hidden),
            Values(random, states * batch * Hidden));
        var parameters = module.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.ToArray().Select(v => (double)v).ToArray());

        // The library, on float32 copies of the same numbers, in the layout the flags ask for.
        var layout = new Layout(Steps, batch, batchFirst, batched);
        var input = layout.Tensor(x, InputSize).RequiresGrad_();
        var stateShape = batched ? new[] { states, batch, Hidden } : [states, Hidden];
        var h0Tensor = h0 is null ? null : Tensor.FromArray(Floats(h0), stateShape).RequiresGrad_();
        var c0Tensor = c0 is null ? null : Tensor.FromArray(Floats(c0), stateShape).RequiresGrad_();
        var (output, hN, cN) = Forward(module, input, h0Tensor, c0Tensor, packing, lengths, batchFirst);
        var loss = Square(output + layout.Tensor(a, width)) + Square(hN + Tensor.FromArray(Floats(b), stateShape));
        if (cN is not null)
        {
            loss += Square(cN + Tensor.FromArray(Floats(c), stateShape));
        }
        loss.Backward();

        double Loss(IReadOnlyDictionary<string, double[]> p, double[] xs, double[]? h, double[]? cell)
        {
            var (o, hn, cn) = oracle.Run(p, xs, Steps, batch, h, cell, lengths);
            return SumOfSquares(o, a) + SumOfSquares(hn, b) + (kind == "lstm" ? SumOfSquares(cn, c) : 0);
        }

        var expected = oracle.Run(parameters, x, Steps, batch, h0, c0, lengths);
        AssertClose(expected.Output, layout.TimeMajor(output.ToArray(), width), 1e-5, "output");
        AssertClose(expected.HN, hN.ToArray(), 1e-5, "h_n");
        foreach (var (name, values) in parameters)
        {
            AssertGradient(module[name].Grad!.ToArray(), values, () => Loss(parameters, x, h0, c0), name);
        }
        AssertGradient(layout.TimeMajor(input.Grad!.ToArray(), InputSize), x, () => Loss(parameters, x, h0, c0), "input");
        if (h0 is not null)
        {
            AssertGradient(h0Tensor!.Grad!.ToArray(), h0, () => Loss(parameters, x, h0, c0), "h0");
        }
        if (c0 is not null)
        {
            AssertGradient(c0Tensor!.Grad!.ToArray(), c0, () => Loss(parameters, x, h0, c0), "c0");
        }
    }

    /// <summary>Each element of <paramref name="values"/> nudged both ways in place; the loss re-read through <paramref name="loss"/>.</summary>
    private static void AssertGradient(float[] actual, double[] values, Func<double> loss, string what)
    {
        Assert.Equal(values.Length, actual.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var kept = values[i];
            values[i] = kept + Epsilon;
            var up = loss();
            values[i] = kept - Epsilon;
            var down = loss();
            values[i] = kept;
            var difference = (up - down) / (2 * Epsilon);
            Assert.True(Math.Abs(actual[i] - difference) <= Tolerance * Math.Max(1, Math.Abs(difference)),
                $"∂L/∂{what}[{i}]: central difference {difference:R}, library {actual[i]:R}");
        }
    }

    private static (Tensor Output, Tensor HN, Tensor? CN) Forward(RecurrentModule module, Tensor input, Tensor? h0,
        Tensor? c0, string packing, int[] lengths, bool batchFirst)
    {
        if (packing == "none")
        {
            return module switch
            {
                Lstm lstm => lstm.Forward(input, h0 is null ? null : (h0, c0!)) is var (o, (h, c)) ? (o, h, c) : default,
                Gru gru => gru.Forward(input, h0) is var (o, h) ? (o, h, null) : default,
                _ => ((Rnn)module).Forward(input, h0) is var (o, h) ? (o, h, null) : default,
            };
        }
        var packed = Torch.PackPaddedSequence(input, lengths, batchFirst, enforceSorted: packing == "sorted");
        var (output, hN, cN) = module switch
        {
            Lstm lstm => lstm.Forward(packed, h0 is null ? null : (h0, c0!)) is var (o, (h, c)) ? (o, h, c) : default,
            Gru gru => gru.Forward(packed, h0) is var (o, h) ? (o, h, (Tensor?)null) : default,
            _ => ((Rnn)module).Forward(packed, h0) is var (o, h) ? (o, h, (Tensor?)null) : default,
        };
        return (Torch.PadPackedSequence(output, batchFirst, totalLength: Steps).Padded, hN, cN);
    }

    private static RecurrentModule Build(string kind, int layers, bool bidirectional, bool bias, bool batchFirst,
        System.Random random)
    {
        RecurrentModule module = kind switch
        {
            "lstm" => new Lstm(InputSize, Hidden, layers, bias, batchFirst, bidirectional),
            "gru" => new Gru(InputSize, Hidden, layers, bias, batchFirst, bidirectional),
            _ => new Rnn(InputSize, Hidden, layers, kind == "rnn_relu" ? Nonlinearity.Relu : Nonlinearity.Tanh, bias,
                batchFirst, bidirectional),
        };
        // Larger than the default ±1/√H, so the cells leave their linear range.
        module.LoadStateDict(new StateDict(module.StateDict().Select(p =>
            KeyValuePair.Create(p.Key, Tensor.FromArray(Floats(Values(random, p.Value.Numel())), [.. p.Value.Shape])))));
        return module;
    }

    private static Tensor Square(Tensor t) => t.Pow(2).Sum();

    private static double SumOfSquares(double[] values, double[] offsets) =>
        values.Select((v, i) => (v + offsets[i]) * (v + offsets[i])).Sum();

    /// <summary>Values in (−1.5, 1.5), exactly representable in float32 so both sides start from the same numbers.</summary>
    private static double[] Values(System.Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (double)(float)(random.NextDouble() * 3 - 1.5)).ToArray();

    private static float[] Floats(double[] values) => values.Select(v => (float)v).ToArray();

    private static void AssertClose(double[] expected, float[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: oracle {expected[i]:R}, library {actual[i]:R}");
        }
    }

    /// <summary>The caller's layout for time-major (L, N, ·) values: (L, N, ·), (N, L, ·) batch-first, or (L, ·) unbatched.</summary>
    private sealed record Layout(int Steps, int Batch, bool BatchFirst, bool Batched)
    {
        public Tensor Tensor(double[] timeMajor, int width)
        {
            var t = Recurrent.Tensor.FromArray(Floats(timeMajor), Steps, Batch, width);
            return !Batched ? t.View(Steps, width) : BatchFirst ? t.Transpose(0, 1).Contiguous() : t;
        }

        public float[] TimeMajor(float[] values, int width) => !Batched || !BatchFirst
            ? values
            : Recurrent.Tensor.FromArray(values, Batch, Steps, width).Transpose(0, 1).ToArray();
    }
}
