// The SIMD kernel against the MathNet teaching kernel on random shapes: odd sizes, tails, stacks, both directions.
using Recurrent.Kernels;

namespace Recurrent.Tests;

public sealed class SimdKernelTests
{
    /// <summary>Both kernels sum the same products in different orders; the gap is float32 rounding, not more.</summary>
    private const float Tolerance = 2e-5f;

    public static TheoryData<int> VectorWidths => KernelScope.VectorWidths;

    // kind, L, N, H_in, H, layers, bidirectional: tiny (the article), odd sizes that leave partial panels and row
    // tails, a single sequence (the matrix-vector path), and work large enough to be split over two threads.
    public static TheoryData<string, int, int, int, int, int, bool> Shapes => new()
    {
        { "rnn", 5, 4, 1, 2, 1, false },
        { "rnn", 7, 11, 13, 37, 2, true },
        { "rnn_relu", 6, 9, 5, 33, 1, false },
        { "rnn", 40, 1, 32, 64, 1, false },
        { "rnn", 30, 20, 50, 70, 2, true },
        { "lstm", 6, 3, 7, 13, 2, true },
        { "lstm", 12, 17, 19, 45, 1, false },
        { "lstm", 20, 16, 24, 40, 2, false },
        { "gru", 6, 5, 3, 11, 1, true },
        { "gru", 9, 13, 21, 35, 2, true },
        { "gru", 25, 18, 30, 48, 1, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_DefaultKernel_MatchesMathNetKernel(string kind, int steps, int batch, int inputSize,
        int hiddenSize, int layers, bool bidirectional)
    {
        AssertKernelMatchesMathNet(SimdKernel.Instance, kind, steps, batch, inputSize, hiddenSize, layers, bidirectional);
    }

    [Theory]
    [MemberData(nameof(VectorWidths))]
    public void Forward_EveryVectorWidth_MatchesMathNetKernel(int vectorBits)
    {
        var kernel = new SimdKernel(vectorBits);
        foreach (var shape in new[] { ("rnn", 7, 11, 13, 37, 2, true), ("lstm", 6, 9, 7, 21, 1, false), ("gru", 5, 10, 9, 19, 2, true) })
        {
            var (kind, steps, batch, inputSize, hiddenSize, layers, bidirectional) = shape;
            AssertKernelMatchesMathNet(kernel, kind, steps, batch, inputSize, hiddenSize, layers, bidirectional);
        }
    }

    [Fact]
    public void DefaultKernel_IsTheWidestSimdKernel()
    {
        var kernel = Assert.IsType<SimdKernel>(RecurrentForward.Kernel);
        Assert.Equal(Gemm.BestVectorBits, kernel.VectorBits);
    }

    [Fact]
    public void Forward_BatchFirstWithInitialState_MatchesMathNetKernel()
    {
        var lstm = Build("lstm", 9, 23, 1, bidirectional: true, batchFirst: true);
        var x = RandomTensor(1, 6, 5, 9);                                        // (N, L, H_in)
        var h0 = RandomTensor(2, 2, 6, 23);
        var c0 = RandomTensor(3, 2, 6, 23);

        var expected = KernelScope.With(MathNetKernel.Instance, () => ((Lstm)lstm).Forward(x, (h0, c0)));
        var actual = ((Lstm)lstm).Forward(x, (h0, c0));

        AssertClose(expected.Output, actual.Output);
        AssertClose(expected.State.HN, actual.State.HN);
        AssertClose(expected.State.CN, actual.State.CN);
    }

    [Fact]
    public void Forward_CalledTwice_GivesTheSameResultAndSeesChangedWeights()
    {
        var rnn = new Rnn(6, 40);
        var x = RandomTensor(4, 5, 3, 6);

        var (first, _) = rnn.Forward(x);
        var (second, _) = rnn.Forward(x);
        rnn["weight_hh_l0"].ContiguousStorage().Clear();
        var (changed, _) = rnn.Forward(x);

        Assert.True(Tensor.Equal(first, second));
        var expected = (rnn["weight_ih_l0"].MatMul(x[4, 2]) + rnn["bias_ih_l0"] + rnn["bias_hh_l0"]).Tanh();
        Assert.True(Tensor.MaxAbsDiff(changed[4, 2], expected) < 1e-6f);
    }

    private static void AssertKernelMatchesMathNet(IRecurrentKernel kernel, string kind, int steps, int batch,
        int inputSize, int hiddenSize, int layers, bool bidirectional)
    {
        var module = Build(kind, inputSize, hiddenSize, layers, bidirectional, batchFirst: false);
        var x = RandomTensor(steps * 31 + batch, steps, batch, inputSize);     // (L, N, H_in)
        var states = layers * (bidirectional ? 2 : 1);
        var h0 = RandomTensor(hiddenSize, states, batch, hiddenSize);

        var expected = KernelScope.With(MathNetKernel.Instance, () => Forward(module, x, h0));
        var actual = KernelScope.With(kernel, () => Forward(module, x, h0));

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i], actual[i]);
        }
    }

    internal static RecurrentModule Build(string kind, int inputSize, int hiddenSize, int layers, bool bidirectional,
        bool batchFirst)
    {
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(inputSize * 1000 + hiddenSize);
            return kind switch
            {
                "lstm" => new Lstm(inputSize, hiddenSize, layers, batchFirst: batchFirst, bidirectional: bidirectional),
                "gru" => new Gru(inputSize, hiddenSize, layers, batchFirst: batchFirst, bidirectional: bidirectional),
                _ => new Rnn(inputSize, hiddenSize, layers, kind == "rnn_relu" ? Nonlinearity.Relu : Nonlinearity.Tanh,
                    batchFirst: batchFirst, bidirectional: bidirectional),
            };
        }
    }

    /// <summary>Output, h_n and (LSTM) c_n, all with a non-zero initial state.</summary>
    private static Tensor[] Forward(RecurrentModule module, Tensor x, Tensor h0) => module switch
    {
        Lstm lstm => lstm.Forward(x, (h0, -h0)) is var (o, (h, c)) ? [o, h, c] : [],
        Gru gru => gru.Forward(x, h0) is var (o, h) ? [o, h] : [],
        _ => ((Rnn)module).Forward(x, h0) is var (o, h) ? [o, h] : [],
    };

    internal static Tensor RandomTensor(int seed, params int[] shape)
    {
        var random = new System.Random(seed);
        var values = new float[shape.Aggregate(1, (a, b) => a * b)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }
        return Tensor.FromArray(values, shape);
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var (e, a) = (expected.ToArray(), actual.ToArray());
        for (var i = 0; i < e.Length; i++)
        {
            var bound = Tolerance * Math.Max(1f, Math.Abs(e[i]));
            Assert.True(Math.Abs(e[i] - a[i]) <= bound, $"[{i}]: MathNet {e[i]:R}, SIMD {a[i]:R}");
        }
    }
}
