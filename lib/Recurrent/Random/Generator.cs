// PyTorch's CPU generator: the draws behind uniform_, normal_, randn and rand, reproduced bit for bit.
namespace Recurrent.Random;

internal sealed class Generator
{
    private const int NormalBlock = 16;
    private MersenneTwister _engine;
    private double? _nextDoubleNormal;

    public Generator(ulong seed) => _engine = new MersenneTwister(seed);

    /// <summary>The process-wide default generator, seeded with 67280421310721 as PyTorch's is.</summary>
    public static Generator Default { get; } = new(67280421310721);

    /// <summary>torch.manual_seed: a fresh engine and no cached normal value.</summary>
    public void Seed(ulong seed)
    {
        _engine = new MersenneTwister(seed);
        _nextDoubleNormal = null;
    }

    public uint Random() => _engine.NextUInt32();

    /// <summary>Two 32-bit draws, the first one the high half.</summary>
    public ulong Random64()
    {
        ulong hi = _engine.NextUInt32();
        ulong lo = _engine.NextUInt32();
        return (hi << 32) | lo;
    }

    /// <summary>One float in [from, to): 24 random bits scaled, then a single fused multiply-add in float32.</summary>
    public float UniformFloat(float from, float to)
    {
        var x = (Random() & 0xFFFFFF) * (1f / (1 << 24));
        return MathF.FusedMultiplyAdd(x, to - from, from);
    }

    /// <summary>One double in [0, 1) from the low 53 bits of a 64-bit draw.</summary>
    public double UniformDouble() => (Random64() & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));

    /// <summary>
    /// One draw of at::exponential_distribution&lt;double&gt;(lambda), PyTorch's CPU exponential_: −1/λ · log1p(−u) with u
    /// a <see cref="UniformDouble"/>.
    /// </summary>
    public double Exponential(double lambda) => -1.0 / lambda * Log1P(-UniformDouble());

    /// <summary>Tensor.uniform_(from, to) over a contiguous buffer, element by element.</summary>
    public void FillUniform(Span<float> data, double from, double to)
    {
        var a = (float)from;
        var b = (float)to;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = UniformFloat(a, b);
        }
    }

    /// <summary>Tensor.normal_(mean, std): the blocked Box-Muller path for 16 or more values, else the scalar path.</summary>
    public void FillNormal(Span<float> data, double mean, double std)
    {
        if (data.Length >= NormalBlock)
        {
            FillNormalBlocked(data, (float)mean, (float)std);
            return;
        }
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(NextDoubleNormal() * std + mean);
        }
    }

    private void FillNormalBlocked(Span<float> data, float mean, float std)
    {
        FillUniform(data, 0, 1);
        for (var i = 0; i + NormalBlock <= data.Length; i += NormalBlock)
        {
            BoxMuller16(data.Slice(i, NormalBlock), mean, std);
        }
        if (data.Length % NormalBlock != 0)
        {
            var tail = data[^NormalBlock..];
            FillUniform(tail, 0, 1);
            BoxMuller16(tail, mean, std);
        }
    }

    /// <summary>Pairs element j with j + 8: cosine into j, sine into j + 8.</summary>
    private static void BoxMuller16(Span<float> block, float mean, float std)
    {
        const float TwoPi = (float)(2.0 * Math.PI);
        for (var j = 0; j < NormalBlock / 2; j++)
        {
            var u1 = 1f - block[j];
            var u2 = block[j + NormalBlock / 2];
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            double theta = TwoPi * u2;
            block[j] = (float)(radius * Math.Cos(theta) * std + mean);
            block[j + NormalBlock / 2] = (float)(radius * Math.Sin(theta) * std + mean);
        }
    }

    /// <summary>at::normal_distribution&lt;double&gt;: returns r·cos θ and caches r·sin θ for the next call.</summary>
    private double NextDoubleNormal()
    {
        if (_nextDoubleNormal is { } cached)
        {
            _nextDoubleNormal = null;
            return cached;
        }
        var u1 = UniformDouble();
        var u2 = UniformDouble();
        var r = Math.Sqrt(-2.0 * Log1P(-u2));
        var theta = 2.0 * Math.PI * u1;
        _nextDoubleNormal = r * Math.Sin(theta);
        return r * Math.Cos(theta);
    }

    /// <summary>log(1 + x) without the cancellation of computing 1 + x first.</summary>
    private static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
