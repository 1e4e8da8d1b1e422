// Exact decimal formatting of doubles as Python's '{:.4f}' and '{:.4e}' do: correctly rounded, ties to even.
using System.Globalization;
using System.Numerics;

namespace Recurrent;

internal static class DecimalFormat
{
    /// <summary>Python's <c>f"{value:.{decimals}f}"</c>.</summary>
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value);
        }
        var (mantissa, exponent2) = Decompose(value);
        var digits = RoundHalfEven(mantissa, exponent2, decimals).ToString(CultureInfo.InvariantCulture);
        if (decimals > 0)
        {
            digits = digits.PadLeft(decimals + 1, '0');
            digits = digits[..^decimals] + "." + digits[^decimals..];
        }
        return (double.IsNegative(value) ? "-" : "") + digits;
    }

    /// <summary>Python's <c>f"{value:.{decimals}e}"</c>, e.g. <c>1.2346e+05</c>.</summary>
    public static string Scientific(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value);
        }
        var sign = double.IsNegative(value) ? "-" : "";
        if (value == 0)
        {
            return sign + Fixed(0, decimals) + "e+00";
        }
        var (mantissa, exponent2) = Decompose(value);
        var exponent10 = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var scaled = RoundHalfEven(mantissa, exponent2, decimals - exponent10);
        var limit = BigInteger.Pow(10, decimals + 1);
        if (scaled >= limit)
        {
            exponent10++;
            scaled = RoundHalfEven(mantissa, exponent2, decimals - exponent10);
        }
        else if (scaled < limit / 10)
        {
            exponent10--;
            scaled = RoundHalfEven(mantissa, exponent2, decimals - exponent10);
        }
        var digits = scaled.ToString(CultureInfo.InvariantCulture);
        var body = decimals > 0 ? digits[..1] + "." + digits[1..] : digits;
        var expSign = exponent10 < 0 ? "-" : "+";
        return $"{sign}{body}e{expSign}{Math.Abs(exponent10):00}";
    }

    /// <summary>
    /// Python's <c>repr()</c> of the number a float32 argument was written as (its shortest round-trip digits), as
    /// PyTorch's messages show Python floats: <c>-1.0</c>, <c>0.05</c>, <c>1e-08</c>.
    /// </summary>
    public static string Python(float value) =>
        float.IsFinite(value) ? PythonLayout(value.ToString("R", CultureInfo.InvariantCulture)) : NonFinite(value);

    /// <summary>Python's <c>repr()</c> of a double.</summary>
    public static string Python(double value) =>
        double.IsFinite(value) ? PythonLayout(value.ToString("R", CultureInfo.InvariantCulture)) : NonFinite(value);

    /// <summary>Lays out .NET's shortest round-trip text ("1E-08", "-0.05", "12") as Python's float repr does.</summary>
    private static string PythonLayout(string roundTrip)
    {
        var negative = roundTrip.StartsWith('-');
        var body = negative ? roundTrip[1..] : roundTrip;
        var parts = body.Split('E');
        var exponent = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var point = parts[0].IndexOf('.');
        var digits = parts[0].Replace(".", "");
        var position = (point < 0 ? parts[0].Length : point) + exponent;   // digits before the decimal point
        var trimmed = digits.TrimStart('0');
        position -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return (negative ? "-" : "") + "0.0";
        }
        var scientific = position - 1;                                      // value = d.ddd × 10^scientific
        string text;
        if (scientific < -4 || scientific >= 16)
        {
            var mantissa = digits.Length > 1 ? digits[..1] + "." + digits[1..] : digits;
            text = $"{mantissa}e{(scientific < 0 ? "-" : "+")}{Math.Abs(scientific):00}";
        }
        else if (position <= 0)
        {
            text = "0." + new string('0', -position) + digits;
        }
        else
        {
            var whole = digits.Length <= position ? digits + new string('0', position - digits.Length) : digits[..position];
            var fraction = digits.Length > position ? digits[position..] : "0";
            text = whole + "." + fraction;
        }
        return (negative ? "-" : "") + text;
    }

    private static string NonFinite(double value) =>
        double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";

    /// <summary>|value| = mantissa · 2^exponent with an integer mantissa.</summary>
    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        return exponent == 0
            ? (new BigInteger(fraction), -1074)
            : (new BigInteger(fraction | (1L << 52)), exponent - 1075);
    }

    /// <summary>round(mantissa · 2^exponent2 · 10^exponent10) with ties to even, computed exactly.</summary>
    private static BigInteger RoundHalfEven(BigInteger mantissa, int exponent2, int exponent10)
    {
        var numerator = mantissa;
        var denominator = BigInteger.One;
        if (exponent2 >= 0)
        {
            numerator <<= exponent2;
        }
        else
        {
            denominator <<= -exponent2;
        }
        if (exponent10 >= 0)
        {
            numerator *= BigInteger.Pow(10, exponent10);
        }
        else
        {
            denominator *= BigInteger.Pow(10, -exponent10);
        }
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }
        return quotient;
    }
}
