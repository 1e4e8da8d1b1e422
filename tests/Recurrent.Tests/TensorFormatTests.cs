// Printing: PyTorch's repr for the article's tensors and for each formatting mode (int, fixed, scientific, summarised).
using Recurrent;

namespace Recurrent.Tests;

public sealed class TensorFormatTests
{
    [Fact]
    public void ToString_OfArticleData_WrapsAtEightyColumnsLikePyTorch()
    {
        Assert.Equal(
            "tensor([ 1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13., 14.,\n" +
            "        15., 16., 17., 18., 19., 20.])",
            Torch.Arange(1, 21).ToString());
    }

    [Fact]
    public void ToString_OfVanillaRnnOutput_MatchesTheArticle()
    {
        string text;
        lock (SeedLock.Gate)
        {
            Torch.ManualSeed(0);
            var rnn = new Rnn(inputSize: 1, hiddenSize: 2, batchFirst: true);
            text = rnn.Forward(Torch.Arange(1, 21).View(4, 5, 1)).Output.ToString();
        }

        Assert.StartsWith(
            "tensor([[[-0.0819,  0.8100],\n" +
            "         [-0.4311,  0.9332],\n" +
            "         [-0.3162,  0.9748],\n" +
            "         [-0.3979,  0.9875],\n" +
            "         [-0.3675,  0.9944]],\n" +
            "\n" +
            "        [[-0.1081,  0.9953],\n",
            text);
        Assert.EndsWith("         [-0.4143,  1.0000]]], grad_fn=<TransposeBackward1>)", text);   // as the article prints it
    }

    [Fact]
    public void ToString_OfThreeDimensionalInts_UsesIntegerModeWithBlankLinesBetweenBlocks()
    {
        Assert.Equal(
            "tensor([[[ 1.],\n         [ 2.]],\n\n        [[ 3.],\n         [10.]]])",
            Tensor.FromArray([1, 2, 3, 10], 2, 2, 1).ToString());
    }

    [Fact]
    public void ToString_WithWideRange_SwitchesToScientific()
    {
        Assert.Equal("tensor([1.0000e-05, 1.0000e+00, 1.2346e+05])",
            Tensor.FromArray([1e-5f, 1f, 123456f], 3).ToString());
        Assert.Equal("tensor([1.0000e+00, 1.0000e+05])", Tensor.FromArray([1f, 1e5f], 2).ToString());
    }

    [Fact]
    public void ToString_RoundsHalfToEvenOnTheExactBinaryValue()
    {
        // 0.03125 and 0.09375 are exact in binary, so they are true ties at the fifth decimal.
        Assert.Equal("tensor([0.0312, 0.0938, 0.5000])", Tensor.FromArray([0.03125f, 0.09375f, 0.5f], 3).ToString());
    }

    [Fact]
    public void ToString_OfScalarsZerosAndEmpty_FollowsPyTorch()
    {
        Assert.Equal("tensor(-0.5000)", Tensor.FromArray([-0.5f], 1).View().ToString());
        Assert.Equal("tensor([0., 0.])", Torch.Zeros(2).ToString());
        Assert.Equal("tensor([])", Torch.Zeros(0).ToString());
        Assert.Equal("tensor([], size=(0, 3))", Torch.Zeros(0, 3).ToString());
        Assert.Equal("tensor([nan, 1.])", Tensor.FromArray([float.NaN, 1f], 2).ToString());
    }

    [Fact]
    public void ToString_AboveOneThousandElements_SummarisesWithEdgeItems()
    {
        var text = Torch.Arange(0, 1001).ToString();

        Assert.Equal("tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])", text);
    }

    [Fact]
    public void ToString_OfIntegersSpanningOverAThousandfold_UsesScientific()
    {
        Assert.StartsWith("tensor([[0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 3.7000e+01, 3.8000e+01,\n         3.9000e+01],",
            Torch.Arange(0, 1600).View(40, 40).ToString());
    }

    [Fact]
    public void ToString_OfLargeMatrix_SummarisesRowsAndColumns()
    {
        var lines = Torch.Arange(1000, 2600).View(40, 40).ToString().Split('\n');

        Assert.Equal(7, lines.Length);
        Assert.Equal("tensor([[1000., 1001., 1002.,  ..., 1037., 1038., 1039.],", lines[0]);
        Assert.Equal("        ...,", lines[3]);
        Assert.Equal("        [2560., 2561., 2562.,  ..., 2597., 2598., 2599.]])", lines[6]);
    }

    [Fact]
    public void Shape_PrintsAsTorchSize()
    {
        Assert.Equal("torch.Size([4, 5, 2])", Torch.Zeros(4, 5, 2).Shape.ToString());
    }

    [Fact]
    public void ModuleToString_ListsOnlyNonDefaultArguments()
    {
        Assert.Equal("Rnn(1, 2)", new Rnn(1, 2).ToString());
        Assert.Equal("Rnn(1, 2, num_layers=3, batch_first=True, bidirectional=True)",
            new Rnn(1, 2, numLayers: 3, batchFirst: true, bidirectional: true).ToString());
        Assert.Equal("Gru(3, 4, bias=False)", new Gru(3, 4, bias: false).ToString());
        Assert.Equal("Rnn(1, 2, nonlinearity='relu')", new Rnn(1, 2, nonlinearity: Nonlinearity.Relu).ToString());
    }
}
