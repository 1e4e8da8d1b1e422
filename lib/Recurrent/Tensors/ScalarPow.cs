// x^p for one element, as torch.pow's CPU kernel computes it: exact formulas for the exponents it special-cases.
namespace Recurrent;

/// <summary>
/// torch.pow with a scalar exponent computes 2, 3, −2, 0.5, −0.5 and −1 with multiplications, a square root and a
/// division (exactly rounded by IEEE 754, so the same bits on every CPU and C library), 1 and 0 trivially, and any
/// other exponent with the C library's <c>pow</c>; so does this.
/// </summary>
internal static class ScalarPow
{
    public static float Of(float x, float exponent) => exponent switch
    {
        0f => 1f,
        1f => x,
        2f => x * x,
        3f => x * x * x,
        -1f => 1f / x,
        -2f => 1f / (x * x),
        0.5f => MathF.Sqrt(x),
        -0.5f => 1f / MathF.Sqrt(x),
        _ => MathF.Pow(x, exponent),
    };
}
