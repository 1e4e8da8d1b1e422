// Functional.MseLoss and Functional.CrossEntropy: values and gradients against float64 re-computations, PyTorch's training
// reference (the sine run's first loss and head gradients), grad_fn names and PyTorch's error messages.
namespace Recurrent.Tests.Autograd;

public sealed class LossTests
{
    [Fact]
    public void MseLoss_MatchesFiniteDifferencesForInputAndTarget()
    {
        var random = new System.Random(21);
        var input = GradientCheck.Uniform(random, [3, 2], -1, 1).RequiresGrad_();
        var target = GradientCheck.Uniform(random, [3, 2], -1, 1).RequiresGrad_();

        GradientCheck.Run([input, target], t => Functional.MseLoss(t[0], t[1]),
            r => F64.Scalar(F64.Zip(r[0], r[1], (x, y) => (x - y) * (x - y)).Sum() / 6));
    }

    [Fact]
    public void CrossEntropy_OverABatch_MatchesFiniteDifferencesOfLogSumExpMinusTheTargetLogit()
    {
        var logits = GradientCheck.Uniform(new System.Random(22), [4, 5], -3, 3).RequiresGrad_();
        long[] targets = [2, 0, 4, 2];

        GradientCheck.Run([logits], t => Functional.CrossEntropy(t[0], Tensor.FromInt64Array(targets, 4)),
            r => F64.Scalar(Enumerable.Range(0, 4).Average(i => CrossEntropyOf(r[0], i, (int)targets[i]))));
    }

    [Fact]
    public void CrossEntropy_SkipsTargetsOfMinus100_InTheLossAndInTheMean()
    {
        var logits = GradientCheck.Uniform(new System.Random(23), [4, 3], -2, 2).RequiresGrad_();
        float[] targets = [1, -100, 0, -100];                     // float targets holding whole numbers

        GradientCheck.Run([logits], t => Functional.CrossEntropy(t[0], Tensor.FromArray(targets, 4)),
            r => F64.Scalar((CrossEntropyOf(r[0], 0, 1) + CrossEntropyOf(r[0], 2, 0)) / 2));
        Assert.Equal(new float[3], logits.Grad!.ToArray()[3..6]);
    }

    [Fact]
    public void CrossEntropy_OfOneExample_TakesLogitsOfShapeCAndA0DimTarget()
    {
        var logits = GradientCheck.Uniform(new System.Random(24), [6], -2, 2).RequiresGrad_();

        GradientCheck.Run([logits], t => Functional.CrossEntropy(t[0], Tensor.FromInt64Array([3])),
            r => F64.Scalar(CrossEntropyOf(new F64([1, 6], r[0].Data), 0, 3)));
    }

    [Fact]
    public void CrossEntropy_OfHugeLogits_StaysFinite()
    {
        var logits = Tensor.FromArray([1000f, 0f, -1000f, 50f, 51f, 49f], 2, 3).RequiresGrad_();

        var loss = Functional.CrossEntropy(logits, Tensor.FromInt64Array([1, 1], 2));
        loss.Backward();

        var expected = (1000 + Math.Log(1 + Math.Exp(-1) + Math.Exp(-2))) / 2;   // the two rows' log Σ exp − target logit
        Assert.Equal(expected, loss.Item(), 3);
        Assert.All(logits.Grad!.ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Losses_ShowPyTorchsGradFnNames()
    {
        var x = Tensor.FromArray([0.5f, -0.5f], 1, 2).RequiresGrad_();

        Assert.Equal("tensor(0.2500, grad_fn=<MseLossBackward0>)", Functional.MseLoss(x, Torch.Zeros(1, 2)).ToString());
        Assert.Equal("tensor(0.3133, grad_fn=<NllLossBackward0>)",
            Functional.CrossEntropy(x, Tensor.FromInt64Array([0], 1)).ToString());
        Assert.EndsWith("grad_fn=<LogSoftmaxBackward0>)", Functional.LogSoftmax(x).ToString());
    }

    /// <summary>
    /// train_rnn_sine_sgd_momentum of torch-gradients.json up to its first loss: the head's gradients need only the
    /// RNN's forward output, so Linear, indexing and MseLoss are checked against libtorch here.
    /// </summary>
    [Fact]
    public void SineTrainingRun_FirstLossAndHeadGradients_MatchPyTorch()
    {
        var run = ReferenceData.TrainingRun("train_rnn_sine_sgd_momentum");
        var sine = SineRun.Build();
        var head = sine.Head;
        var initial = ReferenceData.ReadParams(run.GetProperty("initial_parameters"));
        Assert.Equal(initial.Single(p => p.Name == "head.weight").Value.Values, head.Weight.ToArray());

        var loss = sine.Loss();
        loss.Backward();

        Assert.Equal(run.GetProperty("losses")[0].GetSingle(), loss.Item(), 1e-6f);
        var grads = ReferenceData.ReadParams(run.GetProperty("grads_at_step_0"));
        AssertClose(grads.Single(p => p.Name == "head.weight").Value, head.Weight.Grad!);
        AssertClose(grads.Single(p => p.Name == "head.bias").Value, head.Bias!.Grad!);
    }

    public static TheoryData<string, string> Errors => new()
    {
        { "mse shapes", "Using a target size (torch.Size([4])) that is different to the input size (torch.Size([4, 1])). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size." },
        { "mse int64", "MseLoss target expects a Float32 tensor, got torch.int64; convert it with .Float() first" },
        { "int64 logits", "CrossEntropy input expects a Float32 tensor, got torch.int64; convert it with .Float() first" },
        { "target out of bounds", "Target 5 is out of bounds." },
        { "negative target", "Target -1 is out of bounds." },
        { "batch mismatch", "Expected input batch_size (3) to match target batch_size (2)." },
        { "multi-target", "0D or 1D target tensor expected, multi-target not supported" },
        { "one example, 1-D target", "size mismatch (got input: [5], target: [1])" },
        { "batch, 0-D target", "size mismatch (got input: [3, 5], target: [])" },
        { "0-D input", "Expected 1 or more dimensions (got 0)" },
        { "fractional target", "CrossEntropy target indices must be whole numbers, got 1.5 at flat position 1 of shape [3]" },
        { "3-D input", "CrossEntropy takes input of shape (N, C) or (C), got [2, 3, 5]" },
        { "probabilities", "CrossEntropy takes class indices, a target of shape [3] for input [3, 5]" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Losses_WithBadShapesOrTargets_FailWithPyTorchsMessage(string what, string message)
    {
        var logits = Torch.Zeros(3, 5);
        Func<Tensor> call = what switch
        {
            "mse shapes" => () => Functional.MseLoss(Torch.Zeros(4, 1), Torch.Zeros(4)),
            "mse int64" => () => Functional.MseLoss(Torch.Zeros(2), Tensor.FromInt64Array([1, 2], 2)),
            "int64 logits" => () => Functional.CrossEntropy(Tensor.FromInt64Array([1, 2, 3], 1, 3), Tensor.FromInt64Array([0], 1)),
            "target out of bounds" => () => Functional.CrossEntropy(logits, Tensor.FromInt64Array([0, 5, 1], 3)),
            "negative target" => () => Functional.CrossEntropy(logits, Tensor.FromInt64Array([0, -1, 1], 3)),
            "batch mismatch" => () => Functional.CrossEntropy(logits, Tensor.FromInt64Array([0, 1], 2)),
            "multi-target" => () => Functional.CrossEntropy(logits, Tensor.FromInt64Array([0, 1, 2, 3, 4, 0], 3, 2)),
            "one example, 1-D target" => () => Functional.CrossEntropy(Torch.Zeros(5), Tensor.FromInt64Array([1], 1)),
            "batch, 0-D target" => () => Functional.CrossEntropy(logits, Tensor.FromInt64Array([1])),
            "0-D input" => () => Functional.CrossEntropy(Torch.Zeros(), Tensor.FromInt64Array([1])),
            "fractional target" => () => Functional.CrossEntropy(logits, Tensor.FromArray([0f, 1.5f, 2f], 3)),
            "3-D input" => () => Functional.CrossEntropy(Torch.Zeros(2, 3, 5), Tensor.FromInt64Array([0, 1], 2)),
            _ => () => Functional.CrossEntropy(logits, Torch.Zeros(3, 5)),
        };

        var error = Assert.ThrowsAny<Exception>(call);

        Assert.True(error is ArgumentException or NotSupportedException, error.GetType().Name);
        Assert.StartsWith(message, error.Message);
    }

    /// <summary>−log softmax(row i)[target], as log Σ exp − logit in double.</summary>
    private static double CrossEntropyOf(F64 logits, int i, int target)
    {
        var row = Enumerable.Range(0, logits.Shape[1]).Select(c => logits[i, c]).ToArray();
        var max = row.Max();
        return max + Math.Log(row.Sum(v => Math.Exp(v - max))) - row[target];
    }

    private static void AssertClose(ReferenceTensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        GradientCheck.AssertClose([.. expected.Values.Select(v => (double)v)], actual.ToArray(), 1e-5, "gradient");
    }
}
