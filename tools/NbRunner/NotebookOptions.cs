// Parses the options of verify / update / run; anything unexpected is a usage error naming what was given.
using System.Globalization;
using NbEngine.Verification;

namespace NbRunner;

/// <summary>
/// <see cref="WorkerLog"/> (<c>--worker FILE</c>) makes this process a worker of another runner, which reads the
/// log it writes there (<see cref="NbRunner.WorkerLog"/>); it is not in the usage text.
/// </summary>
internal sealed record NotebookOptions(
    IReadOnlyList<string> Paths, string? JUnit, int Jobs, TimeSpan Timeout, Tolerance Tolerance, string? WorkerLog)
{
    public const string DefaultPath = "notebooks";

    public static NotebookOptions Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        string? junit = null, workerLog = null;
        int jobs = 1;
        double timeout = 120, rtol = Tolerance.Default.Relative, atol = Tolerance.Default.Absolute;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} expects a value, got nothing");
            switch (args[i])
            {
                case "--junit": junit = Value(); break;
                case "--worker": workerLog = Value(); break;
                case "-j" or "--jobs": jobs = (int)Number(args[i], Value(), 1, integer: true); break;
                case "--timeout": timeout = Number(args[i], Value(), double.Epsilon); break;
                case "--rtol": rtol = Number(args[i], Value(), 0); break;
                case "--atol": atol = Number(args[i], Value(), 0); break;
                case var option when option.StartsWith('-') && option.Length > 1:
                    throw new UsageException($"unknown option {option}");
                default: paths.Add(args[i]); break;
            }
        }
        return new NotebookOptions(paths.Count > 0 ? paths : [DefaultPath], junit, jobs, TimeSpan.FromSeconds(timeout), new Tolerance(rtol, atol), workerLog);
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
