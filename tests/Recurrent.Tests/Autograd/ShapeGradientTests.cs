// Gradients of views, reshapes, transposes, flips, indexing (through views of views), Clone, Cat, Stack and MatMul.
namespace Recurrent.Tests.Autograd;

public sealed class ShapeGradientTests
{
    private static Tensor Input(params int[] shape) =>
        GradientCheck.Uniform(new System.Random(shape.Sum()), shape, -1, 1).RequiresGrad_();

    [Fact]
    public void View_Reshape_Unsqueeze_Squeeze_MoveTheGradientBackToTheInputShape()
    {
        GradientCheck.Run([Input(2, 6)], t => t[0].View(3, -1, 2), r => Reshape(r[0], 3, 2, 2));
        GradientCheck.Run([Input(2, 6)], t => t[0].Reshape(4, 3), r => Reshape(r[0], 4, 3));
        GradientCheck.Run([Input(3, 4)], t => t[0].T.Reshape(12), r => Reshape(Transpose(r[0]), 12));   // a copy
        GradientCheck.Run([Input(3, 4)], t => t[0].Unsqueeze(1), r => Reshape(r[0], 3, 1, 4));
        GradientCheck.Run([Input(3, 1, 4)], t => t[0].Squeeze(1), r => Reshape(r[0], 3, 4));
        GradientCheck.Run([Input(3, 4)], t => t[0].Squeeze(0), r => r[0]);
    }

    [Fact]
    public void Transpose_T_Flip_MoveEachGradientElementToWhereItCameFrom()
    {
        GradientCheck.Run([Input(2, 3, 4)], t => t[0].Transpose(0, 2),
            r => F64.Build([4, 3, 2], i => r[0][i[2], i[1], i[0]]));
        GradientCheck.Run([Input(3, 5)], t => t[0].T, r => Transpose(r[0]));
        GradientCheck.Run([Input(4)], t => t[0].T, r => r[0]);
        GradientCheck.Run([Input(2, 3, 4)], t => t[0].Flip(1),
            r => F64.Build([2, 3, 4], i => r[0][i[0], 2 - i[1], i[2]]));
        GradientCheck.Run([Input(2, 3)], t => t[0].Clone(), r => r[0]);
        GradientCheck.Run([Input(3, 2)], t => t[0].T.Contiguous(), r => Transpose(r[0]));
    }

    [Fact]
    public void Indexing_ScattersTheGradientIntoTheSelectedPositions()
    {
        GradientCheck.Run([Input(4, 3)], t => t[0][2], r => F64.Build([3], i => r[0][2, i[0]]));
        GradientCheck.Run([Input(4, 3)], t => t[0][^1], r => F64.Build([3], i => r[0][3, i[0]]));
        GradientCheck.Run([Input(4, 3)], t => t[0][1..3], r => F64.Build([2, 3], i => r[0][i[0] + 1, i[1]]));
        GradientCheck.Run([Input(4, 3, 2)], t => t[0][.., ^1, ..], r => F64.Build([4, 2], i => r[0][i[0], 2, i[1]]));
        GradientCheck.Run([Input(4, 3, 2)], t => t[0][1, ..2, 1], r => F64.Build([2], i => r[0][1, i[0], 1]));
        GradientCheck.Run([Input(4, 5)], t => t[0][^3.., 1..^1], r => F64.Build([3, 3], i => r[0][i[0] + 1, i[1] + 1]));
    }

    [Fact]
    public void Indexing_ThroughViewsOfViews_ReachesTheOriginalPositions()
    {
        // x (2, 3, 4) → transpose (4, 3, 2) → [1..3] (2, 3, 2) → [.., 2] (2, 2) → flatten (4) → [1..]
        GradientCheck.Run([Input(2, 3, 4)], t => t[0].Transpose(0, 2)[1..3][.., 2].Reshape(4)[1..],
            r => F64.Build([3], i => r[0][(i[0] + 1) % 2, 2, (i[0] + 1) / 2 + 1]));
        // the same element read through two overlapping selections: both gradients add up
        GradientCheck.Run([Input(3, 3)], t => t[0][1] * t[0][.., 1],
            r => F64.Build([3], i => r[0][1, i[0]] * r[0][i[0], 1]));
    }

    [Fact]
    public void Cat_And_Stack_HandEachInputItsOwnPartOfTheGradient()
    {
        var a = Input(2, 3);
        var b = GradientCheck.Uniform(new System.Random(9), [2, 1], -1, 1);   // does not require grad
        var c = Input(2, 2);
        GradientCheck.Run([a, b, c], t => Torch.Cat(t, dim: -1),
            r => F64.Build([2, 6], i => i[1] < 3 ? r[0][i[0], i[1]] : i[1] < 4 ? r[1][i[0], 0] : r[2][i[0], i[1] - 4]));

        var x = Input(3, 2);
        var y = Input(3, 2);
        GradientCheck.Run([x, y], t => Torch.Stack(t, dim: 1), r => F64.Build([3, 2, 2], i => r[i[1]][i[0], i[2]]));
    }

    public static TheoryData<int[], int[]> MatMulShapes => new()
    {
        { [4], [4] },
        { [3, 4], [4] },
        { [4], [4, 2] },
        { [3, 4], [4, 2] },
        { [1, 5], [5, 1] },
    };

    [Theory]
    [MemberData(nameof(MatMulShapes))]
    public void MatMul_OfVectorsAndMatrices_MatchesFiniteDifferences(int[] left, int[] right)
    {
        var a = GradientCheck.Uniform(new System.Random(left.Sum()), left, -1, 1).RequiresGrad_();
        var b = GradientCheck.Uniform(new System.Random(right.Sum() + 7), right, -1, 1).RequiresGrad_();

        GradientCheck.Run([a, b], t => t[0].MatMul(t[1]), r =>
        {
            var product = F64.MatMul(AsMatrix(r[0], row: true), AsMatrix(r[1], row: false));
            int[] shape = (left.Length, right.Length) switch
            {
                (1, 1) => [],
                (1, _) => [right[1]],
                (_, 1) => [left[0]],
                _ => [left[0], right[1]],
            };
            return new F64(shape, product.Data);
        });
    }

    [Fact]
    public void MatMul_OfATransposedView_MatchesFiniteDifferences()
    {
        var a = Input(4, 3);
        var b = Input(2, 4);

        GradientCheck.Run([a, b], t => t[0].T.MatMul(t[1].T), r => F64.MatMul(Transpose(r[0]), Transpose(r[1])));
    }

    private static F64 Reshape(F64 x, params int[] shape) => new(shape, x.Data);

    private static F64 Transpose(F64 x) => F64.Build([x.Shape[1], x.Shape[0]], i => x[i[1], i[0]]);

    private static F64 AsMatrix(F64 x, bool row) =>
        x.Rank == 2 ? x : row ? new F64([1, x.Shape[0]], x.Data) : new F64([x.Shape[0], 1], x.Data);
}
