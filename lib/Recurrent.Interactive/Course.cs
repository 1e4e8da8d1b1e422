// The helpers every course notebook uses to hold its numbers to a claim: Check, PrintsAs, CloseTo.
namespace Recurrent.Interactive;

/// <summary>
/// Imported with <c>using static Recurrent.Interactive.Course;</c> in a notebook's setup cell. A run that finishes
/// is a run in which every <see cref="Check"/> held, and each one left a visible <c>✓ claim</c> line. The chart
/// helpers are in the other part of this class (Course.Charts.cs); only notebooks that draw load Plotly.NET.
/// </summary>
public static partial class Course
{
    /// <summary>Prints <c>✓ claim</c> when <paramref name="condition"/> holds; otherwise stops the notebook with the claim.</summary>
    public static void Check(bool condition, string claim)
    {
        if (!condition)
        {
            throw new CheckFailedException(claim);
        }
        Console.WriteLine($"✓ {claim}");
    }

    /// <summary>
    /// Whether <paramref name="actual"/> shows exactly the digits of a printout: same shape, and every value
    /// rounded to four decimals, as PyTorch prints it, equal to the printed one.
    /// </summary>
    public static bool PrintsAs(Tensor actual, Tensor printed) =>
        actual.Shape.SequenceEqual(printed.Shape)
        && actual.ToArray().Select(Printed).SequenceEqual(printed.ToArray().Select(Printed));

    /// <summary>Same shape, and no element further than <paramref name="tolerance"/> from the expected one.</summary>
    public static bool CloseTo(Tensor actual, Tensor expected, float tolerance) =>
        actual.Shape.SequenceEqual(expected.Shape) && Tensor.MaxAbsDiff(actual, expected) <= tolerance;

    private static string Printed(float value) => value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
}
