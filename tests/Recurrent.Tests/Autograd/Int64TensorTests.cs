// Int64 index tensors: creation, PyTorch's printing, conversions, type promotion, the 2^24 limit and grad refusal.
namespace Recurrent.Tests.Autograd;

public sealed class Int64TensorTests
{
    private static Tensor Ids => Tensor.FromInt64Array([9, 8, 4, 1, 0, 12], 2, 3);

    [Fact]
    public void ToString_PrintsTheIntegersAsPyTorchPrintsAnInt64Tensor()
    {
        Assert.Equal("tensor([[ 9,  8,  4],\n        [ 1,  0, 12]])", Ids.ToString());
        Assert.Equal("tensor([9, 8, 4])", Tensor.FromInt64Array([9, 8, 4], 3).ToString());
        Assert.Equal("tensor([-1, 10,  3])", Tensor.FromInt64Array([-1, 10, 3], 3).ToString());
        Assert.Equal("tensor(34)", Ids.Sum().ToString());
        Assert.Equal("tensor([], dtype=torch.int64)", Tensor.FromInt64Array([], 0).ToString());
        Assert.Equal("tensor([], size=(0, 3), dtype=torch.int64)", Tensor.FromInt64Array([], 0, 3).ToString());
        Assert.Equal("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])",
            Tensor.FromInt64Array([.. Enumerable.Range(0, 2000).Select(i => (long)i)], 2000).ToString());
    }

    [Fact]
    public void ViewsAndCopies_KeepTheDtype()
    {
        var ids = Ids;

        Tensor[] derived = [ids.View(6), ids.T, ids[1], ids[.., 1..], ids.Clone(), ids.Detach(), ids.Flip(0),
            ids.Unsqueeze(0), Torch.Stack([ids, ids]), ids.Reshape(3, 2)];

        Assert.All(derived, t => Assert.Equal(DType.Int64, t.DType));
        Assert.Equal("tensor([8, 0])", ids[.., 1].ToString());
    }

    [Fact]
    public void Long_TruncatesTowardZero_AndFloat_ConvertsBack()
    {
        var values = Tensor.FromArray([1.7f, -1.7f, 2f, -0.2f], 4);

        var ids = values.Long();

        Assert.Equal(DType.Int64, ids.DType);
        Assert.Equal("tensor([ 1, -1,  2,  0])", ids.ToString());
        Assert.Equal(DType.Float32, ids.Float().DType);
        Assert.Equal("tensor([ 1., -1.,  2.,  0.])", ids.Float().ToString());
        Assert.Same(ids, ids.Long());
        Assert.Same(values, values.Float());
    }

    public static TheoryData<string, DType, string> Promotions => new()
    {
        { "ids + ids", DType.Int64, "tensor([18, 16,  8])" },
        { "ids - 1", DType.Int64, "tensor([8, 7, 3])" },
        { "2 * ids", DType.Int64, "tensor([18, 16,  8])" },
        { "-ids", DType.Int64, "tensor([-9, -8, -4])" },
        { "ids + 0.5f", DType.Float32, "tensor([9.5000, 8.5000, 4.5000])" },
        { "ids * floats", DType.Float32, "tensor([4.5000, 8.0000, 8.0000])" },
        { "ids / 2", DType.Float32, "tensor([4.5000, 4.0000, 2.0000])" },
        { "ids / ids", DType.Float32, "tensor([1., 1., 1.])" },
        { "ids.Relu()", DType.Int64, "tensor([9, 8, 4])" },
        { "ids.Abs()", DType.Int64, "tensor([9, 8, 4])" },
        { "ids.Tanh()", DType.Float32, "tensor([1.0000, 1.0000, 0.9993])" },
        { "ids.Pow(2)", DType.Float32, "tensor([81., 64., 16.])" },
        { "Cat ids floats", DType.Float32, "tensor([9.0000, 8.0000, 4.0000, 0.5000, 1.0000, 2.0000])" },
    };

    [Theory]
    [MemberData(nameof(Promotions))]
    public void Arithmetic_PromotesAsPyTorch(string expression, DType dtype, string printed)
    {
        var ids = Tensor.FromInt64Array([9, 8, 4], 3);
        var floats = Tensor.FromArray([0.5f, 1f, 2f], 3);

        var result = expression switch
        {
            "ids + ids" => ids + ids, "ids - 1" => ids - 1, "2 * ids" => 2 * ids, "-ids" => -ids,
            "ids + 0.5f" => ids + 0.5f, "ids * floats" => ids * floats, "ids / 2" => ids / 2, "ids / ids" => ids / ids,
            "ids.Relu()" => ids.Relu(), "ids.Abs()" => ids.Abs(), "ids.Tanh()" => ids.Tanh(), "ids.Pow(2)" => ids.Pow(2),
            _ => Torch.Cat([ids, floats]),
        };

        Assert.Equal(dtype, result.DType);
        Assert.Equal(printed, result.ToString());
    }

    [Fact]
    public void RequiresGrad_OnInt64_FailsAsPyTorchDoes()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Ids.RequiresGrad_());

        Assert.StartsWith("only Tensors of floating point and complex dtype can require gradients", error.Message);
        Assert.False(Ids.RequiresGrad_(false).RequiresGrad);
    }

    public static TheoryData<string, string> Limits => new()
    {
        { "create", "16777216 at position 1 is outside what an Int64 tensor holds here: |value| < 2^24 = 16777216" },
        { "multiply", "16777216 at position 0 is outside what an Int64 tensor holds here" },
        { "add", "16777216 at position 0 is outside what an Int64 tensor holds here" },
        { "long", "20000000 at position 0 is outside what an Int64 tensor holds here" },
        { "long nan", "cannot convert nan at position 0 to Int64" },
        { "map", "an Int64 result must be a whole number, got 4.5 at position 0" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Int64Values_AtOrAbove2To24_FailBecauseFloat32StorageCannotHoldThemExactly(string what, string message)
    {
        Action act = what switch
        {
            "create" => () => Tensor.FromInt64Array([1, 16777216], 2),
            "multiply" => () => _ = Tensor.FromInt64Array([4096], 1) * 4096,
            "add" => () => _ = Tensor.FromInt64Array([16777215], 1) + 1,
            "long" => () => Tensor.FromArray([2e7f], 1).Long(),
            "map" => () => Tensor.FromInt64Array([9], 1).Map(v => v / 2),
            _ => () => Tensor.FromArray([float.NaN], 1).Long(),
        };

        var error = Assert.ThrowsAny<Exception>(act);

        Assert.Contains(message, error.Message);
    }

    public static TheoryData<string, string> Unsupported => new()
    {
        { "mean", "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long" },
        { "matmul", "MatMul supports Float32 tensors, got torch.int64 and torch.float32; convert with .Float() first" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void FloatOnlyOperations_OnInt64_NameTheDtypes(string what, string message)
    {
        var ids = Tensor.FromInt64Array([1, 2], 2);

        var error = Assert.Throws<NotSupportedException>(() => what == "mean" ? ids.Mean() : ids.MatMul(Torch.Zeros(2)));

        Assert.StartsWith(message, error.Message);
    }
}
