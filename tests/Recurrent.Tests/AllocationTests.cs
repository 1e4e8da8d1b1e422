// "A forward call allocates nothing after the first call with the same shapes", measured with the GC's byte counters.
using Recurrent.Kernels;

namespace Recurrent.Tests;

/// <summary>
/// What "nothing" means: <c>RecurrentForward.RunInto</c>, the whole forward pass (checks, input copy, every layer and
/// direction, state copies) writing into caller-provided arrays, allocates 0 bytes on any thread. The public
/// <c>Forward</c> adds only the tensors it returns: their float arrays plus a few hundred bytes of tensor objects.
/// That is the inference path, where nothing records for backward: inside Torch.NoGrad(), or with parameters (and
/// inputs) that do not require grad, as PyTorch users run inference.
/// </summary>
public sealed class AllocationTests
{
    public static TheoryData<string, int, int, int, int, int, bool> Shapes => new()
    {
        { "rnn", 5, 4, 1, 2, 1, false },        // S1, the article's case
        { "rnn", 20, 32, 64, 128, 2, false },   // S2-like, split over two threads
        { "rnn", 10, 16, 24, 40, 1, true },
        { "lstm", 12, 32, 64, 128, 2, false },
        { "gru", 12, 32, 64, 128, 1, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RunInto_SecondCallWithSameShapes_AllocatesNothing(string kind, int steps, int batch, int inputSize,
        int hiddenSize, int layers, bool bidirectional)
    {
        var module = SimdKernelTests.Build(kind, inputSize, hiddenSize, layers, bidirectional, batchFirst: false);
        var x = SimdKernelTests.RandomTensor(7, steps, batch, inputSize);       // (L, N, H_in)
        var states = layers * (bidirectional ? 2 : 1);
        var output = new float[steps * batch * hiddenSize * (bidirectional ? 2 : 1)];
        var hN = new float[states * batch * hiddenSize];
        var cN = kind == "lstm" ? new float[hN.Length] : null;
        RecurrentForward.RunInto(module, x, null, null, output, hN, cN);           // sizes the workspace
        var firstOutput = (float[])output.Clone();

        var allocated = AllocatedBytes(() => RecurrentForward.RunInto(module, x, null, null, output, hN, cN));

        Assert.Equal(0, allocated);
        Assert.Equal(firstOutput, output);
    }

    [Fact]
    public void Forward_SecondCallInsideNoGrad_AllocatesOnlyTheReturnedTensors()
    {
        var rnn = new Rnn(64, 128, numLayers: 2);
        var x = SimdKernelTests.RandomTensor(3, 20, 32, 64);
        using var noGrad = Torch.NoGrad();
        rnn.Forward(x);

        var allocated = AllocatedBytes(() => rnn.Forward(x));

        var returnedFloats = (20 * 32 * 128 + 2 * 32 * 128) * sizeof(float);
        Assert.InRange(allocated, returnedFloats, returnedFloats + 512);
    }

    [Fact]
    public void Forward_SecondCallWithParametersThatDoNotRequireGrad_AllocatesOnlyTheReturnedTensors()
    {
        var lstm = new Lstm(64, 128, bidirectional: true);
        foreach (var parameter in lstm.Parameters())
        {
            parameter.RequiresGrad_(false);
        }
        var x = SimdKernelTests.RandomTensor(3, 20, 32, 64);
        lstm.Forward(x);

        var allocated = AllocatedBytes(() => lstm.Forward(x));

        var returnedFloats = (20 * 32 * 256 + 2 * 2 * 32 * 128) * sizeof(float);
        Assert.InRange(allocated, returnedFloats, returnedFloats + 768);                   // three tensors this time
    }

    [Fact]
    public void Forward_NewShape_BuildsANewWorkspaceAndStaysCorrect()
    {
        var rnn = new Rnn(3, 40);
        var small = SimdKernelTests.RandomTensor(1, 4, 2, 3);
        var large = SimdKernelTests.RandomTensor(2, 9, 5, 3);

        var (before, _) = rnn.Forward(small);
        rnn.Forward(large);
        var (after, _) = rnn.Forward(small);

        Assert.True(Tensor.Equal(before, after));
    }

    /// <summary>
    /// Bytes allocated while <paramref name="body"/> runs by the two threads a forward pass uses: this one and the
    /// library's helper. (Process-wide counters would also catch the runtime's own background work, such as the JIT.)
    /// A collection first empties this thread's allocation buffer: otherwise a collection that another thread
    /// triggers during the call would count the buffer's unused rest (up to 8 KB) as allocated by this one.
    /// </summary>
    internal static long AllocatedBytes(Action body)
    {
        GC.Collect();
        var (thread, helper) = (GC.GetAllocatedBytesForCurrentThread(), HelperThread.AllocatedBytes);
        body();
        return GC.GetAllocatedBytesForCurrentThread() - thread + (HelperThread.AllocatedBytes - helper);
    }
}
