// Sizes past what a tensor holds, NaN ranges, extreme indices and null state-dict values: clear errors, never wrong memory.
using Recurrent;

namespace Recurrent.Tests;

public sealed class SizeLimitTests
{
    [Fact]
    public void Zeros_WhenTheShapeHasMoreElementsThanAnArrayHolds_SaysHowManyItAskedFor()
    {
        var error = Assert.Throws<ArgumentException>(() => Torch.Zeros(65536, 65536));

        Assert.StartsWith($"Trying to create tensor with 4294967296 elements (shape [65536, 65536]), but a tensor holds at most {Array.MaxLength} elements",
            error.Message);
    }

    [Fact]
    public void Rnn_WhoseWeightHhWouldOverflow_IsRefusedInsteadOfCreatedWithAWrongElementCount()
    {
        var error = Assert.Throws<ArgumentException>(() => new Rnn(1, 100000));

        Assert.StartsWith("Trying to create tensor with 10000000000 elements (shape [100000, 100000])", error.Message);
    }

    [Fact]
    public void Zeros_WhenAnEmptyTensorsStridesWouldOverflow_IsRefusedToo()
    {
        var error = Assert.Throws<ArgumentException>(() => Torch.Zeros(0, 65536, 65536));

        Assert.StartsWith("Trying to create tensor with 0 elements (shape [0, 65536, 65536])", error.Message);
    }

    [Fact]
    public void View_WhenTheGivenSizesMultiplyPastInt_SaysTheShapeIsInvalid()
    {
        var error = Assert.Throws<ArgumentException>(() => Torch.Zeros(4).View(-1, 65536, 65536));

        Assert.StartsWith("shape '[-1, 65536, 65536]' is invalid for input of size 4", error.Message);
    }

    [Theory]
    [InlineData(0f, float.NaN, "unsupported range: 0 -> NaN")]
    [InlineData(float.NegativeInfinity, 1f, "unsupported range: -Infinity -> 1")]
    [InlineData(0f, 1e10f, "Trying to create tensor with 10000000000 elements (arange from 0 to 1E+10 by 1)")]
    public void Arange_WithARangeItCannotHold_RefusesAsPyTorchDoes(float start, float end, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Torch.Arange(start, end));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Index_WithIntMinValue_SaysItIsOutOfBounds()
    {
        var t = Torch.Zeros(3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => t[int.MinValue]);

        Assert.StartsWith("index -2147483648 is out of bounds: a dimension has at most 2147483647 positions", error.Message);
    }

    [Fact]
    public void LoadStateDict_WithANullValue_ListsItAndLoadsNothing()
    {
        var rnn = new Rnn(1, 2);
        var before = rnn.StateDict()["weight_hh_l0"].ToArray();
        var given = rnn.StateDict().ToDictionary(p => p.Key, p => (Tensor)Torch.Zeros([.. p.Value.Shape]));
        given["weight_ih_l0"] = null!;

        var error = Assert.Throws<ArgumentException>(() => rnn.LoadStateDict(given));

        Assert.Contains("\n\texpected a tensor of shape torch.Size([2, 1]) for weight_ih_l0, got null.", error.Message);
        Assert.Equal(before, rnn.StateDict()["weight_hh_l0"].ToArray());
    }
}
