// The same forward pass gives the same bits at every vector width and on the scalar path, so stored outputs verify anywhere.
using Recurrent.Kernels;

namespace Recurrent.Tests;

/// <summary>
/// A machine with AVX-512 runs the 512-bit kernels, an older x86-64 the 256-bit ones, ARM the 128-bit ones, and a
/// machine without SIMD the scalar path: notebooks that train must print the same digits on each, so every width
/// must compute every output element with the same operations in the same order. Compared bit for bit.
/// </summary>
public sealed class DeterminismTests
{
    /// <summary>Every SIMD width this machine runs, then the scalar path (0), which every machine runs.</summary>
    public static TheoryData<int> Widths => new(KernelScope.SupportedWidths.Append(0));

    // kind, H: the article's H = 2 (narrower than any vector), 8 (one 256-bit vector, a partial 512-bit panel), 100
    // (tails at every width), 128 (the benchmark's size); batch 1 (the one-row path) and 37 (row blocks, a tail of
    // five, and two threads for the larger ones).
    public static TheoryData<string, int, int> Cases
    {
        get
        {
            var cases = new TheoryData<string, int, int>();
            foreach (var kind in new[] { "rnn", "rnn_relu", "lstm", "gru" })
            {
                foreach (var hidden in new[] { 2, 8, 100, 128 })
                {
                    foreach (var batch in new[] { 1, 37 })
                    {
                        cases.Add(kind, hidden, batch);
                    }
                }
            }
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_EveryVectorWidthAndScalar_GiveTheSameBits(string kind, int hiddenSize, int batch)
    {
        var module = SimdKernelTests.Build(kind, 5, hiddenSize, 2, bidirectional: true, batchFirst: false);
        var x = SimdKernelTests.RandomTensor(hiddenSize + batch, 6, batch, 5);     // (L, N, H_in)
        var h0 = SimdKernelTests.RandomTensor(batch, 4, batch, hiddenSize);        // (D·layers, N, H)
        var scalar = Forward(new SimdKernel(0), module, x, h0);

        foreach (var bits in KernelScope.SupportedWidths)
        {
            var vector = Forward(new SimdKernel(bits), module, x, h0);
            for (var i = 0; i < scalar.Length; i++)
            {
                AssertSameBits(scalar[i], vector[i], $"{kind} H={hiddenSize} N={batch}, tensor {i}, {bits}-bit against scalar");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_EveryVectorWidthAndScalar_GiveTheSameBits(string kind, int hiddenSize, int batch)
    {
        // Training notebooks print losses after many steps: every gradient must be the same bits at every width too.
        var scalar = Gradients(new SimdKernel(0), kind, hiddenSize, batch);

        foreach (var bits in KernelScope.SupportedWidths)
        {
            var vector = Gradients(new SimdKernel(bits), kind, hiddenSize, batch);
            for (var i = 0; i < scalar.Length; i++)
            {
                AssertSameBits(scalar[i], vector[i], $"{kind} H={hiddenSize} N={batch}, gradient {i}, {bits}-bit against scalar");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Forward_AtEveryWidth_StaysWithinFloatRoundingOfMathNet(int vectorBits)
    {
        // The bit-identical widths must also be right: the 13 PyTorch cases check the default width, this the others.
        var module = SimdKernelTests.Build("lstm", 3, 100, 1, bidirectional: false, batchFirst: false);
        var x = SimdKernelTests.RandomTensor(5, 4, 9, 3);
        var expected = KernelScope.With(MathNetKernel.Instance, () => ((Lstm)module).Forward(x).Output).ToArray();
        var actual = Forward(new SimdKernel(vectorBits), module, x, null)[0].ToArray();

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 2e-6f, $"[{i}]: MathNet {expected[i]:R}, {vectorBits}-bit {actual[i]:R}");
        }
    }

    [Fact]
    public void Activations_AreWithinThreeUlpOfDoublePrecision()
    {
        // Every 97th float from −20 to 20 (about 30 million values would be every one; this is 600 000).
        var worst = (Tanh: 0.0, Sigmoid: 0.0);
        for (var bits = BitConverter.SingleToInt32Bits(-20f); bits < 0; bits -= 97)
        {
            Check(BitConverter.Int32BitsToSingle(bits));
        }
        for (var bits = 0; bits < BitConverter.SingleToInt32Bits(20f); bits += 97)
        {
            Check(BitConverter.Int32BitsToSingle(bits));
        }
        Assert.True(worst.Tanh <= 3, $"tanh: {worst.Tanh} ulp");
        Assert.True(worst.Sigmoid <= 3, $"sigmoid: {worst.Sigmoid} ulp");

        void Check(float x)
        {
            worst.Tanh = Math.Max(worst.Tanh, Ulps(Activations.Tanh(x), Math.Tanh(x)));
            worst.Sigmoid = Math.Max(worst.Sigmoid, Ulps(Activations.Sigmoid(x), 1 / (1 + Math.Exp(-(double)x))));
        }
    }

    [Fact]
    public void ExpOfNonPositive_IsWithinTwoUlpOfDoublePrecisionAndUnderflowsLikeExp()
    {
        // Every 31st float from −104 to 0: the softmax family's arguments x − max.
        var worst = 0.0;
        for (var bits = BitConverter.SingleToInt32Bits(-104f); bits < 0; bits -= 31)   // to −0: the bits wrap past int.MinValue
        {
            var y = BitConverter.Int32BitsToSingle(bits);
            var exact = Math.Exp(y);
            if (exact >= 1.17549435e-38)   // the smallest normal float
            {
                worst = Math.Max(worst, Ulps(Activations.ExpOfNonPositive(y), exact));
            }
            else
            {
                Assert.True(Math.Abs(Activations.ExpOfNonPositive(y) - exact) <= 2 * float.Epsilon, $"exp({y:R}) = {exact:R} underflows to {Activations.ExpOfNonPositive(y):R}");
            }
        }
        Assert.True(worst <= 2, $"exp: {worst} ulp");
        Assert.Equal(1f, Activations.ExpOfNonPositive(0f));
        Assert.Equal(0f, Activations.ExpOfNonPositive(float.NegativeInfinity));
        Assert.True(float.IsNaN(Activations.ExpOfNonPositive(float.NaN)));
    }

    [Theory]
    [InlineData(float.NaN, float.NaN, float.NaN, float.NaN)]
    [InlineData(float.PositiveInfinity, 1f, 1f, float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity, -1f, 0f, 0f)]
    [InlineData(0f, 0f, 0.5f, 0f)]
    [InlineData(100f, 1f, 1f, 100f)]
    [InlineData(-100f, -1f, 0f, 0f)]
    public void Activations_AtTheEdges_GiveTheLimits(float x, float tanh, float sigmoid, float relu)
    {
        Assert.Equal(BitConverter.SingleToInt32Bits(tanh), BitConverter.SingleToInt32Bits(Activations.Tanh(x)));
        Assert.Equal(sigmoid, Activations.Sigmoid(x));
        Assert.Equal(BitConverter.SingleToInt32Bits(relu), BitConverter.SingleToInt32Bits(Activations.Relu(x)));
    }

    [Fact]
    public void Activations_OfNegativeZero_KeepItsSignWhereTheFunctionIsOdd()
    {
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(Activations.Tanh(-0f)));
        Assert.Equal(0.5f, Activations.Sigmoid(-0f));
        Assert.Equal(0, BitConverter.SingleToInt32Bits(Activations.Relu(-0f)));
    }

    private static Tensor[] Forward(SimdKernel kernel, RecurrentModule module, Tensor x, Tensor? h0) =>
        KernelScope.With(kernel, () => module switch
        {
            Lstm lstm => lstm.Forward(x, h0 is null ? null : (h0, -h0)) is var (o, (h, c)) ? [o, h, c] : [],
            Gru gru => gru.Forward(x, h0) is var (o, h) ? [o, h] : [],
            _ => ((Rnn)module).Forward(x, h0) is var (o, h) ? new[] { o, h } : [],
        });

    /// <summary>Gradients of every parameter, the input and h_0 (and c_0) of a recorded pass on <paramref name="kernel"/>.</summary>
    private static Tensor[] Gradients(SimdKernel kernel, string kind, int hiddenSize, int batch)
    {
        var module = SimdKernelTests.Build(kind, 5, hiddenSize, 2, bidirectional: true, batchFirst: false);
        var x = SimdKernelTests.RandomTensor(hiddenSize + batch, 6, batch, 5).RequiresGrad_();
        var h0 = SimdKernelTests.RandomTensor(batch, 4, batch, hiddenSize).RequiresGrad_();
        var c0 = SimdKernelTests.RandomTensor(batch + 1, 4, batch, hiddenSize).RequiresGrad_();
        var previous = RecurrentForward.Kernel;
        RecurrentForward.Kernel = kernel;
        try
        {
            var (output, states) = module switch
            {
                Lstm lstm => lstm.Forward(x, (h0, c0)) is var (o, (h, c)) ? (o, h + c) : default,
                Gru gru => gru.Forward(x, h0),
                _ => ((Rnn)module).Forward(x, h0),
            };
            (output.Pow(2).Sum() + states.Pow(2).Sum()).Backward();
        }
        finally
        {
            RecurrentForward.Kernel = previous;
        }
        Tensor[] inputs = kind == "lstm" ? [x, h0, c0] : [x, h0];
        return [.. module.Parameters().Select(p => p.Grad!), .. inputs.Select(t => t.Grad!)];
    }

    /// <summary>Every element of <paramref name="actual"/> has the bits of <paramref name="expected"/>'s.</summary>
    internal static void AssertSameBits(Tensor expected, Tensor actual, string what)
    {
        var (e, a) = (expected.Contiguous().ToArray(), actual.Contiguous().ToArray());
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(e[i]) == BitConverter.SingleToInt32Bits(a[i]),
                $"{what}: element {i} is {e[i]:R} there and {a[i]:R} here");
        }
    }

    /// <summary>|value − exact| in units of the float spacing at exact.</summary>
    private static double Ulps(float value, double exact)
    {
        var spacing = MathF.BitIncrement(MathF.Abs((float)exact)) - MathF.Abs((float)exact);
        return Math.Abs(value - exact) / Math.Max(spacing, float.Epsilon);
    }
}
