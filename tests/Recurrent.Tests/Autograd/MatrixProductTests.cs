// The row-major product behind MatMul, Linear and their gradients: the same bits as a plain scalar loop, whatever the vector width.
using Recurrent.Kernels;

namespace Recurrent.Tests.Autograd;

public sealed class MatrixProductTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(8, 64, 33)]
    [InlineData(5, 17, 128)]
    public void Multiply_EqualsTheScalarLoopInTheOrderOfK_BitForBit(int m, int k, int n)
    {
        var random = new System.Random(m * 100 + n);
        var a = GradientCheck.Uniform(random, [m, k], -3, 3).ToArray();
        var b = GradientCheck.Uniform(random, [k, n], -3, 3).ToArray();
        var c = new float[m * n];

        MatrixProduct.Multiply(a, b, c, m, k, n);

        // Each element: 0, then + a·b term by term in the order of k, multiply and add rounded separately. A vector
        // lane of any width computes exactly this, so matching it here means every machine gets these bits.
        var expected = new float[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    var product = a[i * k + p] * b[p * n + j];
                    sum += product;
                }
                expected[i * n + j] = sum;
            }
        }
        Assert.Equal(expected, c);
    }
}
