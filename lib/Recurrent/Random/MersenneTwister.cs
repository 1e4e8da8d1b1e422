// The 32-bit Mersenne Twister (mt19937) exactly as PyTorch's CPU generator seeds and draws it.
namespace Recurrent.Random;

internal sealed class MersenneTwister
{
    private const int StateSize = 624;
    private const int ShiftSize = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _state = new uint[StateSize];
    private int _next;
    private int _left;

    /// <summary>Seeds like PyTorch's <c>init_with_uint32</c>: only the low 32 bits of the seed count.</summary>
    public MersenneTwister(ulong seed)
    {
        _state[0] = (uint)(seed & 0xffffffff);
        for (var j = 1; j < StateSize; j++)
        {
            _state[j] = 1812433253u * (_state[j - 1] ^ (_state[j - 1] >> 30)) + (uint)j;
        }
        _left = 1;
        _next = 0;
    }

    public uint NextUInt32()
    {
        if (--_left == 0)
        {
            Twist();
        }
        var y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        _left = StateSize;
        _next = 0;
        for (var i = 0; i < StateSize; i++)
        {
            var y = (_state[i] & UpperMask) | (_state[(i + 1) % StateSize] & LowerMask);
            var mag = (y & 1) != 0 ? MatrixA : 0u;
            _state[i] = _state[(i + ShiftSize) % StateSize] ^ (y >> 1) ^ mag;
        }
    }
}
