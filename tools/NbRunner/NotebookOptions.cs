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
                case "-j" or "--jobs": jobs = Integer(args[i], Value(), 1, MaxJobs); break;
                case "--timeout": timeout = Number(args[i], Value(), double.Epsilon, MaxTimeoutSeconds, $"a positive number of seconds up to {MaxTimeoutSeconds}"); break;
                case "--rtol": rtol = Number(args[i], Value(), 0, double.MaxValue, "a finite number >= 0"); break;
                case "--atol": atol = Number(args[i], Value(), 0, double.MaxValue, "a finite number >= 0"); break;
                case var option when option.StartsWith('-') && option.Length > 1:
                    throw new UsageException($"unknown option {option}");
                default: paths.Add(args[i]); break;
            }
        }
        return new NotebookOptions(paths.Count > 0 ? paths : [DefaultPath], junit, jobs, TimeSpan.FromSeconds(timeout), new Tolerance(rtol, atol), workerLog);
    }

    /// <summary>A cell's time limit goes to CancellationTokenSource.CancelAfter, which takes at most int.MaxValue milliseconds.</summary>
    private const double MaxTimeoutSeconds = int.MaxValue / 1000;

    private const int MaxJobs = 1024;

    private static double Number(string option, string text, double minimum, double maximum, string expected)
    {
        var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        return ok && double.IsFinite(value) && value >= minimum && value <= maximum
            ? value
            : throw new UsageException($"{option} expects {expected}, got '{text}'");
    }

    private static int Integer(string option, string text, int minimum, int maximum)
    {
        var value = Number(option, text, minimum, maximum, $"an integer from {minimum} to {maximum}");
        return value == Math.Floor(value) ? (int)value : throw new UsageException($"{option} expects an integer from {minimum} to {maximum}, got '{text}'");
    }
}
