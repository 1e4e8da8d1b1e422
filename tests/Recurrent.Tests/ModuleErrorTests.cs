// Bad arguments to the modules: each error names the argument, shows expected and actual, and changes nothing.
using Recurrent;

namespace Recurrent.Tests;

public sealed class ModuleErrorTests
{
    private static Tensor ArticleInput() => Torch.Arange(1, 21).View(4, 5, 1);

    [Theory]
    [InlineData(0, 2, 1, "inputSize", "input_size")]
    [InlineData(1, 0, 1, "hiddenSize", "hidden_size")]
    [InlineData(1, 2, -1, "numLayers", "num_layers")]
    public void Constructor_WithNonPositiveSize_SaysSoInPyTorchsWords(int inputSize, int hiddenSize, int numLayers,
        string parameter, string torchName)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Rnn(inputSize, hiddenSize, numLayers));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith($"{torchName} must be greater than zero, got {Math.Min(inputSize, Math.Min(hiddenSize, numLayers))}",
            error.Message);
    }

    [Fact]
    public void Constructor_WithUnknownNonlinearity_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Rnn(1, 2, nonlinearity: (Nonlinearity)7));

        Assert.Equal("nonlinearity", error.ParamName);
        Assert.StartsWith("Unknown nonlinearity '7'. Select from 'tanh' or 'relu'.", error.Message);
    }

    [Theory]
    [InlineData(0, 2, "inFeatures", "in_features must be greater than zero, got 0")]
    [InlineData(3, -1, "outFeatures", "out_features must be greater than zero, got -1")]
    public void Linear_WithNonPositiveSize_UsesPyTorchsArgumentName(int inFeatures, int outFeatures, string parameter,
        string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(inFeatures, outFeatures));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData(0, 5, "numEmbeddings", "num_embeddings must be greater than zero, got 0")]
    [InlineData(15, 0, "embeddingDim", "embedding_dim must be greater than zero, got 0")]
    public void Embedding_WithNonPositiveSize_UsesPyTorchsArgumentName(int numEmbeddings, int embeddingDim,
        string parameter, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(numEmbeddings, embeddingDim));

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Forward_WithWrongFeatureCount_SaysExpectedAndGot()
    {
        var rnn = new Rnn(inputSize: 3, hiddenSize: 2);

        var error = Assert.Throws<ArgumentException>(() => rnn.Forward(Torch.Zeros(5, 2, 4)));

        Assert.StartsWith("input.size(-1) must be equal to input_size. Expected 3, got 4", error.Message);
        Assert.Equal("input", error.ParamName);
    }

    [Fact]
    public void Forward_WithWrongH0Shape_ShowsBothShapes()
    {
        var rnn = new Rnn(1, 2, bidirectional: true, batchFirst: true);

        var error = Assert.Throws<ArgumentException>(() => rnn.Forward(ArticleInput(), Torch.Zeros(1, 4, 2)));

        Assert.StartsWith("Expected hidden size (2, 4, 2), got [1, 4, 2]", error.Message);
        Assert.Equal("h0", error.ParamName);
    }

    [Fact]
    public void Forward_WithUnbatchedInputAndBatchedH0_SaysBothRanks()
    {
        var error = Assert.Throws<ArgumentException>(() => new Rnn(1, 2).Forward(Torch.Zeros(5, 1), Torch.Zeros(1, 1, 2)));

        Assert.StartsWith("For unbatched 2-D input, hx should also be 2-D but got 3-D tensor", error.Message);
    }

    [Fact]
    public void Forward_WithWrongCellStateShape_NamesHiddenOne()
    {
        var lstm = new Lstm(1, 2, batchFirst: true);

        var error = Assert.Throws<ArgumentException>(() =>
            lstm.Forward(ArticleInput(), (Torch.Zeros(1, 4, 2), Torch.Zeros(1, 4, 3))));

        Assert.StartsWith("Expected hidden[1] size (1, 4, 2), got [1, 4, 3]", error.Message);
        Assert.Equal("c0", error.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Forward_With1DOr4DInput_SaysInputMustBe2DOr3D(int rank)
    {
        var input = Torch.Zeros(Enumerable.Repeat(2, rank - 1).Append(1).ToArray());

        var error = Assert.Throws<ArgumentException>(() => new Gru(1, 2).Forward(input));

        Assert.StartsWith($"Gru: Expected input to be 2D or 3D, got {rank}D tensor instead", error.Message);
    }

    [Fact]
    public void Forward_WithEmptySequence_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Rnn(1, 2).Forward(Torch.Zeros(0, 3, 1)));

        Assert.Contains("Expected sequence length to be larger than 0", error.Message);
    }

    [Fact]
    public void LoadStateDict_ListsMissingUnexpectedAndMismatchedKeys_AndChangesNothing()
    {
        var rnn = new Rnn(1, 2);
        var before = rnn.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray());
        var bad = new StateDict
        {
            { "weight_ih_l0", Torch.Zeros(2, 3) },
            { "weight_hh_l0", Torch.Zeros(2, 2) },
            { "bias_ih_l0", Torch.Zeros(2) },
            { "extra", Torch.Zeros(1) },
        };

        var error = Assert.Throws<ArgumentException>(() => rnn.LoadStateDict(bad));

        Assert.Contains("Error(s) in loading state_dict for Rnn:", error.Message);
        Assert.Contains("Missing key(s) in state_dict: \"bias_hh_l0\".", error.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"extra\".", error.Message);
        Assert.Contains("size mismatch for weight_ih_l0: copying a param with shape torch.Size([2, 3]) from checkpoint, " +
                        "the shape in current model is torch.Size([2, 1]).", error.Message);
        foreach (var (name, values) in before)
        {
            Assert.Equal(values, rnn[name].ToArray());
        }
    }

    [Fact]
    public void LoadStateDict_CopiesValuesSoLaterChangesToTheSourceDoNotLeakIn()
    {
        var rnn = new Rnn(1, 1, bias: false);
        var source = new StateDict { { "weight_ih_l0", Tensor.FromArray([-0.8769f], 1, 1) }, { "weight_hh_l0", Tensor.FromArray([-0.8218f], 1, 1) } };

        rnn.LoadStateDict(source);
        source["weight_ih_l0"].CopyFrom(Torch.Zeros(1, 1));

        Assert.Equal(-0.8769f, rnn["weight_ih_l0"].Item());
        Assert.Equal(["weight_ih_l0", "weight_hh_l0"], rnn.StateDict().Keys);
    }

    [Fact]
    public void Embedding_WithIndexOutOfRange_SaysTheRange()
    {
        var embedding = new Embedding(15, 5);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => embedding.Forward(Tensor.FromArray([3, 15], 2)));

        Assert.Contains("index 15 is out of range for Embedding(15, 5): expected 0 <= index < 15", error.Message);
    }

    [Fact]
    public void Embedding_WithFractionalIndex_SaysWholeNumbersAreExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Embedding(15, 5).Forward(Tensor.FromArray([1.5f], 1)));

        Assert.Contains("must be whole numbers, got 1.5", error.Message);
    }

    [Fact]
    public void Linear_WithWrongFeatureCount_ShowsShape()
    {
        var error = Assert.Throws<ArgumentException>(() => new Linear(4, 2).Forward(Torch.Zeros(3, 5)));

        Assert.Contains("Expected 4, got shape [3, 5]", error.Message);
    }

    [Fact]
    public void Parameter_UnknownName_ListsKnownNames()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new Rnn(1, 2)["weight_ih_l1"]);

        Assert.Contains("weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0", error.Message);
    }
}
