// A float buffer on the pinned heap, so kernels can keep a raw pointer to it across calls and threads.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Recurrent.Kernels;

internal sealed unsafe class PinnedBuffer
{
    private readonly float[] _array;

    public PinnedBuffer(int length)
    {
        _array = GC.AllocateArray<float>(Math.Max(length, 1), pinned: true);
        Length = length;
        Pointer = (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
    }

    public int Length { get; }

    public float* Pointer { get; }

    public Span<float> Span => _array.AsSpan(0, Length);
}
