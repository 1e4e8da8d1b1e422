// Views, reshapes, transposes and indexing: shapes, shared storage and values, checked against hand-computed layouts.
using Recurrent;

namespace Recurrent.Tests;

public sealed class TensorViewTests
{
    private static Tensor OneToTwenty() => Torch.Arange(1, 21);

    [Fact]
    public void View_WithInferredDimension_KeepsRowMajorOrder()
    {
        var x = OneToTwenty().View(4, -1, 1);

        Assert.Equal([4, 5, 1], x.Shape);
        Assert.Equal(7f, x[1, 1, 0].Item());
        Assert.Equal(20f, x[^1, ^1, 0].Item());
    }

    [Fact]
    public void View_SharesStorageWithItsSource()
    {
        var source = OneToTwenty();
        var view = source.View(4, 5);

        view[2].CopyFrom(Torch.Zeros(5));

        Assert.Equal(0f, source[10].Item());
        Assert.Equal(10f, source[9].Item());
    }

    [Fact]
    public void View_OfTransposedTensor_ThrowsAndNamesBothShapes()
    {
        var t = OneToTwenty().View(4, 5).Transpose(0, 1);

        var error = Assert.Throws<ArgumentException>(() => t.View(20));

        Assert.Contains("view size is not compatible", error.Message);
        Assert.Contains("[5, 4]", error.Message);
        Assert.Contains("[20]", error.Message);
    }

    [Fact]
    public void View_WithWrongElementCount_SaysSizeAndShape()
    {
        var error = Assert.Throws<ArgumentException>(() => OneToTwenty().View(3, 7));

        Assert.Contains("shape '[3, 7]' is invalid for input of size 20", error.Message);
        Assert.Equal("shape", error.ParamName);
    }

    [Fact]
    public void Reshape_OfTransposedTensor_CopiesInTransposedOrder()
    {
        var t = OneToTwenty().View(4, 5).Transpose(0, 1).Reshape(20);

        Assert.Equal([1f, 6f, 11f, 16f, 2f], t.ToArray()[..5]);
    }

    [Fact]
    public void Transpose_SwapsDimensionsWithoutCopying()
    {
        var x = OneToTwenty().View(4, 5, 1);
        var t = x.Transpose(0, 1);

        Assert.Equal([5, 4, 1], t.Shape);
        Assert.Equal(x[3, 2, 0].Item(), t[2, 3, 0].Item());
        Assert.False(t.IsContiguous);
    }

    [Fact]
    public void UnsqueezeThenSqueeze_RestoresTheShape()
    {
        var x = OneToTwenty().View(4, 5);

        var u = x.Unsqueeze(2);

        Assert.Equal([4, 5, 1], u.Shape);
        Assert.Equal([1, 4, 5], x.Unsqueeze(0).Shape);
        Assert.Equal([4, 5], u.Squeeze(-1).Shape);
        Assert.Equal([4, 5, 1], u.Squeeze(0).Shape);
    }

    [Fact]
    public void Indexer_WithRangesAndFromEnd_SelectsLikePythonSlices()
    {
        var x = OneToTwenty().View(4, 5);

        Assert.Equal([5f, 10f, 15f, 20f], x[.., ^1].ToArray());
        Assert.Equal([4, 1], x[.., ^1..].Shape);
        Assert.Equal([7f, 8f], x[1, 1..3].ToArray());
        Assert.Equal([16f, 17f, 18f, 19f, 20f], x[-1].ToArray());
        Assert.Equal([2, 5], x[2..100].Shape);
    }

    [Fact]
    public void Indexer_OutOfRange_NamesDimensionAndSize()
    {
        var x = OneToTwenty().View(4, 5);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => x[0, 5]);

        Assert.Contains("index 5 is out of bounds for dimension 1 with size 5", error.Message);
    }

    [Fact]
    public void Indexer_WithTooManyIndices_SaysHowManyDimensionsExist()
    {
        var error = Assert.Throws<ArgumentException>(() => OneToTwenty()[0, 0]);

        Assert.Contains("too many indices for tensor of dimension 1: got 2", error.Message);
    }

    [Fact]
    public void Item_OfManyElements_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OneToTwenty().Item());

        Assert.Contains("20 elements", error.Message);
    }

    [Fact]
    public void Flip_ReversesOneDimension()
    {
        var x = OneToTwenty().View(4, 5);

        Assert.Equal([5f, 4f, 3f, 2f, 1f], x.Flip(1)[0].ToArray());
        Assert.Equal([16f, 17f, 18f, 19f, 20f], x.Flip(0)[0].ToArray());
    }

    [Fact]
    public void CatAndStack_JoinAlongTheRequestedDimension()
    {
        var a = Tensor.FromArray([1, 2, 3, 4], 2, 2);
        var b = Tensor.FromArray([5, 6], 2, 1);

        Assert.Equal([1f, 2f, 5f, 3f, 4f, 6f], Torch.Cat([a, b], 1).ToArray());
        Assert.Equal([2, 2, 2], Torch.Stack([a, a], 1).Shape);
        Assert.Equal([1f, 2f, 1f, 2f], Torch.Stack([a, a], 1)[0].ToArray());
    }

    [Fact]
    public void Cat_WithMismatchedShapes_NamesTheOffendingTensor()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Torch.Cat([Torch.Zeros(2, 2), Torch.Zeros(3, 3)], 1));

        Assert.Contains("tensor number 1", error.Message);
        Assert.Contains("[3, 3]", error.Message);
    }

    [Fact]
    public void Arithmetic_BroadcastsLikePyTorch()
    {
        var m = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        var row = Tensor.FromArray([10, 20, 30], 3);

        Assert.Equal([11f, 22f, 33f, 14f, 25f, 36f], (m + row).ToArray());
        Assert.Equal([10f, 40f, 90f, 40f, 100f, 180f], (m * row).ToArray());
    }

    [Fact]
    public void Arithmetic_WithIncompatibleShapes_ShowsBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Torch.Zeros(2, 3) + Torch.Zeros(2));

        Assert.Contains("[2, 3] and [2]", error.Message);
    }

    [Fact]
    public void MatMul_MatchesHandComputedProducts()
    {
        var w = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        var x = Tensor.FromArray([1, 0, -1], 3);

        Assert.Equal([-2f, -2f], w.MatMul(x).ToArray());
        Assert.Equal([2, 2], w.MatMul(w.T).Shape);
        Assert.Equal([14f, 32f, 32f, 77f], w.MatMul(w.T).ToArray());
        Assert.Equal(2f, x.MatMul(x).Item());
    }

    [Fact]
    public void MatMul_WithMismatchedInnerSizes_ShowsBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Torch.Zeros(2, 3).MatMul(Torch.Zeros(2, 3)));

        Assert.Contains("(2x3 and 2x3)", error.Message);
    }

    [Fact]
    public void MatrixRoundTrip_PreservesRowMajorLayout()
    {
        var t = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);

        var m = t.ToMatrix();

        Assert.Equal(3f, m[0, 2]);
        Assert.Equal(4f, m[1, 0]);
        Assert.Equal(t.ToArray(), Tensor.FromMatrix(m).ToArray());
    }

    [Fact]
    public void AllClose_UsesRelativeAndAbsoluteTolerance()
    {
        var a = Tensor.FromArray([1f, 100f], 2);

        Assert.True(Tensor.AllClose(a, Tensor.FromArray([1f + 5e-6f, 100.0009f], 2)));
        Assert.False(Tensor.AllClose(a, Tensor.FromArray([1.001f, 100f], 2)));
        Assert.True(Tensor.AllClose(a, Tensor.FromArray([1.001f, 100f], 2), atol: 2e-3f));
    }

    [Fact]
    public void FromArray_WithWrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromArray([1, 2, 3], 2, 2));

        Assert.Contains("[2, 2] is invalid for input of size 3", error.Message);
    }

    [Fact]
    public void Arange_ExcludesTheEnd()
    {
        Assert.Equal([0f, 0.5f, 1f, 1.5f], Torch.Arange(0, 2, 0.5f).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Arange(0, 1, 0));
    }
}
