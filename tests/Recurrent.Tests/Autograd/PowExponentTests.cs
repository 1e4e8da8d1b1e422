// Tensor.Pow takes PyTorch's exact formulas for the exponents its CPU kernel special-cases, so results match bit for bit.
namespace Recurrent.Tests.Autograd;

public sealed class PowExponentTests
{
    private static readonly float[] Values = [1.1f, -0.3f, 7.25f, 1e-3f, 3.3e4f];

    [Theory]
    [InlineData(2f)]
    [InlineData(3f)]
    [InlineData(-1f)]
    [InlineData(-2f)]
    [InlineData(0.5f)]
    [InlineData(-0.5f)]
    public void Pow_ForTheExponentsTorchSpecialCases_UsesItsExactFormula(float exponent)
    {
        Func<float, float> formula = exponent switch
        {
            2f => x => x * x,
            3f => x => x * x * x,
            -1f => x => 1f / x,
            -2f => x => 1f / (x * x),
            0.5f => MathF.Sqrt,
            _ => x => 1f / MathF.Sqrt(x),
        };

        var result = Tensor.FromArray(Values, Values.Length).Pow(exponent).ToArray();

        Assert.Equal(Values.Select(v => BitConverter.SingleToInt32Bits(formula(v))), result.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void PowBackward_OfASquare_IsTwiceTheInputExactly()
    {
        var x = Tensor.FromArray(Values, Values.Length).RequiresGrad_();

        x.Pow(2).Sum().Backward();

        Assert.Equal(Values.Select(v => 2f * v), x.Grad!.ToArray());
    }
}
