// Numeric tolerance for comparing numbers inside outputs, as numpy.isclose: |got - stored| <= atol + rtol * |stored|.
namespace NbEngine.Verification;

public sealed record Tolerance(double Relative = 1e-5, double Absolute = 1e-6)
{
    public static Tolerance Default { get; } = new();

    public bool Accepts(double stored, double actual) =>
        stored.Equals(actual) || Math.Abs(actual - stored) <= Absolute + Relative * Math.Abs(stored);
}
