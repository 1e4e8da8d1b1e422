// What torch.optim's optimizers share: the parameters they update, zero_grad, and hyperparameters read as Python reads them.
using System.Globalization;

namespace Recurrent;

/// <summary>
/// The base of <see cref="Sgd"/> and <see cref="Adam"/>, as torch.optim.Optimizer with one parameter group:
/// <see cref="Step"/> updates every parameter that has a gradient (the others are skipped, as PyTorch skips
/// <c>p.grad is None</c>) without recording the graph, and <see cref="ZeroGrad"/> forgets the gradients.
/// Per-parameter state (momentum buffers, moment estimates) is created on the first Step that sees a gradient.
/// </summary>
public abstract class Optimizer
{
    private protected Optimizer(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        }
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var parameter in list)
        {
            if (parameter is null)
            {
                throw new ArgumentNullException(nameof(parameters), "optimizer can only optimize Tensors, but one of the params is null");
            }
            if (!parameter.IsLeaf)
            {
                throw new ArgumentException("can't optimize a non-leaf Tensor", nameof(parameters));
            }
            if (!seen.Add(parameter))
            {
                // PyTorch only warns, then updates the parameter twice per step; refuse instead.
                throw new ArgumentException(
                    "optimizer contains a parameter group with duplicate parameters (each would be updated twice per Step)",
                    nameof(parameters));
            }
        }
        Parameters = list;
    }

    /// <summary>The parameters this optimizer updates, in the order given.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>optimizer.step(): one update of every parameter that has a gradient.</summary>
    public void Step()
    {
        using var noGrad = Autograd.GradMode.Disable();
        for (var i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (parameter.Grad is not { } grad)
            {
                continue;
            }
            if (parameter.IsContiguous)
            {
                Update(i, parameter.ContiguousStorage(), grad.ContiguousStorage());
                continue;
            }
            var values = parameter.ToArray();                  // a strided leaf: update a copy, then write it back
            Update(i, values, grad.ContiguousStorage());
            parameter.CopyFrom(Tensor.FromArray(values, [.. parameter.Shape]));
        }
    }

    /// <summary>optimizer.zero_grad(): forgets every parameter's gradient (set to None, PyTorch's default).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters)
        {
            parameter.ClearGrad();
        }
    }

    /// <summary>Updates parameter <paramref name="index"/>'s values in place from its gradient (both row-major).</summary>
    private protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> grad);

    /// <summary>
    /// The Python float a user means by a float32 argument: its shortest decimal (0.9f → 0.9, not 0.899999976…), so
    /// that hyperparameter arithmetic such as 1 − β₂ happens in double exactly as torch.optim does it in Python.
    /// </summary>
    private protected static double AsPython(float value) =>
        double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>"Invalid learning rate: -1.0" and the like, with the value as Python prints it.</summary>
    private protected static ArgumentOutOfRangeException Invalid(string what, float value, string paramName) =>
        new(paramName, value, $"Invalid {what}: {DecimalFormat.Python(value)}");
}
