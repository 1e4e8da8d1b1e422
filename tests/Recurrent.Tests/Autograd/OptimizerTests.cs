// Sgd and Adam: trajectories computed by hand from torch.optim's formulas, a bit-exact replay of PyTorch's tensor ops, state and errors.
namespace Recurrent.Tests.Autograd;

public sealed class OptimizerTests
{
    private static readonly float[] Gradients = [1f, -1f, 2f];

    // p₀ = 1, lr = 0.1, gradients 1, −1, 2: the parameter after each step, from torch.optim.SGD's update rule
    // evaluated in float64 (momentum 0.9): b₁ = g₁; bₜ = 0.9·bₜ₋₁ + (1 − dampening)·gₜ; p ← p − 0.1·(b or g + 0.9·b).
    public static TheoryData<bool, float, float, double[]> SgdTrajectories => new()
    {
        { false, 0f, 0f, [0.9, 0.91, 0.719] },
        { true, 0f, 0f, [0.81, 0.919, 0.5471] },
        { false, 0.5f, 0f, [0.9, 0.86, 0.724] },
        { false, 0f, 0.1f, [0.89, 0.8821, 0.666169] },
    };

    [Theory]
    [MemberData(nameof(SgdTrajectories))]
    public void Sgd_WithMomentum_FollowsTheHandComputedTrajectory(bool nesterov, float dampening, float weightDecay,
        double[] expected)
    {
        var p = Tensor.FromArray([1f], 1).RequiresGrad_();
        var sgd = new Sgd([p], lr: 0.1f, momentum: 0.9f, dampening: dampening, weightDecay: weightDecay, nesterov: nesterov);

        var trajectory = Gradients.Select(g => StepWith(sgd, p, g)).ToArray();

        GradientCheck.AssertClose(expected, trajectory, 1e-6, "parameter after step");
    }

    // The same for torch.optim.Adam(lr=0.1), betas (0.9, 0.999), eps 1e-8: mₜ = 0.9·mₜ₋₁ + 0.1·g, vₜ = 0.999·vₜ₋₁ + 0.001·g²,
    // p ← p − 0.1/(1 − 0.9ᵗ)·m / (√v/√(1 − 0.999ᵗ) + 1e-8). Step 1 moves by lr·g/|g| whatever g.
    public static TheoryData<float, double[]> AdamTrajectories => new()
    {
        { 0f, [0.9000000009999999, 0.9052631588421051, 0.855438944799402] },
        { 0.1f, [0.9000000009090908, 0.8958288203345846, 0.8412511474330676] },
    };

    [Theory]
    [MemberData(nameof(AdamTrajectories))]
    public void Adam_FollowsTheHandComputedTrajectory(float weightDecay, double[] expected)
    {
        var p = Tensor.FromArray([1f], 1).RequiresGrad_();
        var adam = new Adam([p], lr: 0.1f, weightDecay: weightDecay);

        var trajectory = Gradients.Select(g => StepWith(adam, p, g)).ToArray();

        GradientCheck.AssertClose(expected, trajectory, 1e-6, "parameter after step");
    }

    public static TheoryData<string> Configurations => new(
        "sgd", "sgd momentum", "sgd nesterov wd", "sgd dampening wd", "adam", "adam wd", "adam betas");

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Step_OverSeveralSteps_EqualsPyTorchsTensorOperationsBitForBit(string configuration)
    {
        var random = new System.Random(configuration.Length);
        var shapes = new[] { new[] { 3, 4 }, [5], [2, 2] };
        var parameters = shapes.Select(s => GradientCheck.Uniform(random, s, -1, 1).RequiresGrad_()).ToArray();
        var replay = new TorchReplay(configuration, parameters.Select(p => p.ToArray()).ToArray());
        Optimizer optimizer = configuration switch
        {
            "sgd" => new Sgd(parameters, lr: 0.05f),
            "sgd momentum" => new Sgd(parameters, lr: 0.05f, momentum: 0.9f),
            "sgd nesterov wd" => new Sgd(parameters, lr: 0.01f, momentum: 0.8f, weightDecay: 0.01f, nesterov: true),
            "sgd dampening wd" => new Sgd(parameters, lr: 0.3f, momentum: 0.5f, dampening: 0.25f, weightDecay: 0.2f),
            "adam" => new Adam(parameters),
            "adam wd" => new Adam(parameters, lr: 0.01f, weightDecay: 0.05f),
            _ => new Adam(parameters, lr: 0.02f, beta1: 0.5f, beta2: 0.9f, eps: 1e-6f),
        };

        for (var step = 0; step < 6; step++)
        {
            optimizer.ZeroGrad();
            var grads = new float[]?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                if (step == 0 && i == 2)
                {
                    continue;   // no gradient yet: skipped, and its state starts on the next step
                }
                grads[i] = GradientCheck.Uniform(random, shapes[i], -2, 2).ToArray();
                (parameters[i] * Tensor.FromArray(grads[i]!, shapes[i])).Sum().Backward();
            }
            optimizer.Step();
            replay.Step(grads);

            for (var i = 0; i < parameters.Length; i++)
            {
                Assert.Equal(replay.Parameters[i], parameters[i].ToArray());
            }
        }
    }

    [Fact]
    public void Step_LeavesParametersAsLeavesThatRequireGrad_AndRecordsNothing()
    {
        var p = Tensor.FromArray([1f, 2f], 2).RequiresGrad_();
        var adam = new Adam([p]);
        (p * p).Sum().Backward();

        adam.Step();

        Assert.True(p.IsLeaf);
        Assert.True(p.RequiresGrad);
        Assert.Equal("tensor([0.9990, 1.9990], requires_grad=True)", p.ToString());
    }

    [Fact]
    public void ZeroGrad_ForgetsEveryParametersGradient()
    {
        var linear = new Linear(2, 1);
        var sgd = new Sgd(linear.Parameters(), lr: 0.1f);
        (linear.Weight.Sum() + linear.Bias!.Sum()).Backward();

        sgd.ZeroGrad();

        Assert.All(linear.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Step_OfAStridedLeaf_UpdatesItsElementsInPlace()
    {
        var storage = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        var column = storage.T.RequiresGrad_();        // a leaf view with strides (1, 2)
        var sgd = new Sgd([column], lr: 1f);
        (column * Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2)).Sum().Backward();

        sgd.Step();

        Assert.Equal([0f, -1f, 1f, 0f], storage.ToArray());   // column − grad = [[0, 1], [−1, 0]], seen through .T
    }

    public static TheoryData<string, string> InvalidArguments => new()
    {
        { "sgd lr", "Invalid learning rate: -1.0" },
        { "sgd momentum", "Invalid momentum value: -0.5" },
        { "sgd weight decay", "Invalid weight_decay value: -0.01" },
        { "sgd nesterov without momentum", "Nesterov momentum requires a momentum and zero dampening" },
        { "sgd nesterov with dampening", "Nesterov momentum requires a momentum and zero dampening" },
        { "adam lr", "Invalid learning rate: -0.001" },
        { "adam eps", "Invalid epsilon value: -1e-08" },
        { "adam beta1", "Invalid beta parameter at index 0: 1.0" },
        { "adam beta2", "Invalid beta parameter at index 1: -0.999" },
        { "adam weight decay", "Invalid weight_decay value: -2.0" },
        { "empty", "optimizer got an empty parameter list" },
        { "non-leaf", "can't optimize a non-leaf Tensor" },
        { "duplicate", "optimizer contains a parameter group with duplicate parameters" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void Constructor_WithAnInvalidArgument_FailsWithPyTorchsMessage(string what, string message)
    {
        var p = Tensor.FromArray([1f], 1).RequiresGrad_();
        Action construct = what switch
        {
            "sgd lr" => () => _ = new Sgd([p], lr: -1f),
            "sgd momentum" => () => _ = new Sgd([p], lr: 0.1f, momentum: -0.5f),
            "sgd weight decay" => () => _ = new Sgd([p], lr: 0.1f, weightDecay: -0.01f),
            "sgd nesterov without momentum" => () => _ = new Sgd([p], lr: 0.1f, nesterov: true),
            "sgd nesterov with dampening" => () => _ = new Sgd([p], lr: 0.1f, momentum: 0.9f, dampening: 0.1f, nesterov: true),
            "adam lr" => () => _ = new Adam([p], lr: -0.001f),
            "adam eps" => () => _ = new Adam([p], eps: -1e-8f),
            "adam beta1" => () => _ = new Adam([p], beta1: 1f),
            "adam beta2" => () => _ = new Adam([p], beta2: -0.999f),
            "adam weight decay" => () => _ = new Adam([p], weightDecay: -2f),
            "empty" => () => _ = new Sgd([], lr: 0.1f),
            "non-leaf" => () => _ = new Adam([p * 2]),
            _ => () => _ = new Adam([p, p]),
        };

        var error = Assert.ThrowsAny<ArgumentException>(construct);

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Constructor_WithANullParameter_SaysSo()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new Sgd([Tensor.Zeros(1).RequiresGrad_(), null!], lr: 0.1f));

        Assert.StartsWith("optimizer can only optimize Tensors, but one of the params is null", error.Message);
    }

    /// <summary>Sets p.Grad to g, steps, and returns the new value of the one-element parameter.</summary>
    private static float StepWith(Optimizer optimizer, Tensor p, float g)
    {
        optimizer.ZeroGrad();
        (p * g).Sum().Backward();
        optimizer.Step();
        return p.Item();
    }

    /// <summary>
    /// torch.optim's single-tensor step written as the sequence of tensor operations torch/optim/sgd.py and adam.py
    /// call, each as ATen's CPU kernel computes it on float32 (add with alpha and lerp as fused multiply-adds,
    /// mul/addcmul/addcdiv/div unfused, Python scalars in double, cast to float32 where a kernel takes them).
    /// </summary>
    private sealed class TorchReplay(string configuration, float[][] parameters)
    {
        private readonly float[]?[] _buffers = new float[]?[parameters.Length];
        private readonly float[]?[] _expAvg = new float[]?[parameters.Length];
        private readonly float[]?[] _expAvgSq = new float[]?[parameters.Length];
        private readonly int[] _steps = new int[parameters.Length];

        public float[][] Parameters { get; } = parameters;

        public void Step(float[]?[] grads)
        {
            for (var i = 0; i < Parameters.Length; i++)
            {
                if (grads[i] is { } grad)
                {
                    if (configuration.StartsWith("sgd"))
                    {
                        Sgd(i, grad);
                    }
                    else
                    {
                        Adam(i, grad);
                    }
                }
            }
        }

        private void Sgd(int i, float[] grad)
        {
            var (lr, momentum, dampening, weightDecay, nesterov) = configuration switch
            {
                "sgd" => (0.05, 0.0, 0.0, 0.0, false),
                "sgd momentum" => (0.05, 0.9, 0.0, 0.0, false),
                "sgd nesterov wd" => (0.01, 0.8, 0.0, 0.01, true),
                _ => (0.3, 0.5, 0.25, 0.2, false),
            };
            var p = Parameters[i];
            if (weightDecay != 0)
            {
                grad = AddWithAlpha(grad, p, weightDecay);                                // grad = grad.add(param, alpha=wd)
            }
            if (momentum != 0)
            {
                if (_buffers[i] is not { } buf)
                {
                    buf = _buffers[i] = (float[])grad.Clone();                           // torch.clone(grad).detach()
                }
                else
                {
                    buf = _buffers[i] = AddWithAlpha(Mul(buf, momentum), grad, 1 - dampening);   // buf.mul_(m).add_(grad, alpha=1-d)
                }
                grad = nesterov ? AddWithAlpha(grad, buf, momentum) : buf;
            }
            Parameters[i] = AddWithAlpha(p, grad, -lr);                                  // param.add_(grad, alpha=-lr)
        }

        private void Adam(int i, float[] grad)
        {
            var (lr, beta1, beta2, eps, weightDecay) = configuration switch
            {
                "adam" => (1e-3, 0.9, 0.999, 1e-8, 0.0),
                "adam wd" => (0.01, 0.9, 0.999, 1e-8, 0.05),
                _ => (0.02, 0.5, 0.9, 1e-6, 0.0),
            };
            var p = Parameters[i];
            var step = ++_steps[i];
            var expAvg = _expAvg[i] ??= new float[p.Length];
            var expAvgSq = _expAvgSq[i] ??= new float[p.Length];
            if (weightDecay != 0)
            {
                grad = AddWithAlpha(grad, p, weightDecay);
            }
            expAvg = _expAvg[i] = Lerp(expAvg, grad, 1 - beta1);                          // exp_avg.lerp_(grad, 1 - beta1)
            expAvgSq = _expAvgSq[i] = AddCMul(Mul(expAvgSq, beta2), grad, grad, 1 - beta2);
            var biasCorrection1 = 1 - Math.Pow(beta1, step);
            var biasCorrection2 = 1 - Math.Pow(beta2, step);
            var stepSize = lr / biasCorrection1;
            var biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);
            var denom = AddWithAlpha(Div(Sqrt(expAvgSq), biasCorrection2Sqrt), Full(p.Length, (float)eps), 1);
            Parameters[i] = AddCDiv(p, expAvg, denom, -stepSize);                         // param.addcdiv_(exp_avg, denom, value=-step_size)
        }

        private static float[] AddWithAlpha(float[] self, float[] other, double alpha) =>
            [.. self.Select((s, k) => MathF.FusedMultiplyAdd(other[k], (float)alpha, s))];

        private static float[] Mul(float[] self, double scalar) => [.. self.Select(s => s * (float)scalar)];

        private static float[] Div(float[] self, double scalar) => [.. self.Select(s => s / (float)scalar)];

        private static float[] Sqrt(float[] self) => [.. self.Select(MathF.Sqrt)];

        private static float[] Full(int length, float value) => Enumerable.Repeat(value, length).ToArray();

        private static float[] Lerp(float[] start, float[] end, double weight)
        {
            var w = (float)weight;
            return [.. start.Select((s, k) => Math.Abs(w) < 0.5f
                ? MathF.FusedMultiplyAdd(w, end[k] - s, s)
                : MathF.FusedMultiplyAdd(w - 1f, end[k] - s, end[k]))];
        }

        private static float[] AddCMul(float[] self, float[] t1, float[] t2, double value) =>
            [.. self.Select((s, k) => s + (float)value * t1[k] * t2[k])];

        private static float[] AddCDiv(float[] self, float[] t1, float[] t2, double value) =>
            [.. self.Select((s, k) => s + (float)value * t1[k] / t2[k])];
    }
}
