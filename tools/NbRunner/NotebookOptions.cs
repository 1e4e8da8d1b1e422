// Parses the options of verify / update / run; anything unexpected is a usage error naming what was given.
using System.Globalization;
using NbEngine.Verification;

namespace NbRunner;

/// <summary>
/// <see cref="Report"/> (<c>--report FILE</c>, JSON) and <see cref="Worker"/> (<c>--worker</c>) are how the runner
/// talks to its own worker processes; they are not in the usage text.
/// </summary>
internal sealed record NotebookOptions(
    IReadOnlyList<string> Paths, string? JUnit, int Jobs, TimeSpan Timeout, Tolerance Tolerance, string? Report, bool Worker)
{
    public const string DefaultPath = "notebooks";

    public static NotebookOptions Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        string? junit = null, report = null;
        var worker = false;
        int jobs = 1;
        double timeout = 120, rtol = Tolerance.Default.Relative, atol = Tolerance.Default.Absolute;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} expects a value, got nothing");
            switch (args[i])
            {
                case "--junit": junit = Value(); break;
                case "--report": report = Value(); break;
                case "--worker": worker = true; break;
                case "-j" or "--jobs": jobs = (int)Number(args[i], Value(), 1, integer: true); break;
                case "--timeout": timeout = Number(args[i], Value(), double.Epsilon); break;
                case "--rtol": rtol = Number(args[i], Value(), 0); break;
                case "--atol": atol = Number(args[i], Value(), 0); break;
                case var option when option.StartsWith('-') && option.Length > 1:
                    throw new UsageException($"unknown option {option}");
                default: paths.Add(args[i]); break;
            }
        }
        return new NotebookOptions(paths.Count > 0 ? paths : [DefaultPath], junit, jobs, TimeSpan.FromSeconds(timeout), new Tolerance(rtol, atol), report, worker);
    }

    private static double Number(string option, string text, double minimum, bool integer = false)
    {
        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (!ok || value < minimum || (integer && value != Math.Floor(value)))
        {
            var expected = integer ? $"an integer >= {minimum}" : minimum > 0 ? "a positive number" : "a number >= 0";
            throw new UsageException($"{option} expects {expected}, got '{text}'");
        }
        return value;
    }
}
