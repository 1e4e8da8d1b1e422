// Prints a progress line per notebook as it finishes, its problems under it, and the closing tally.
using System.Globalization;

namespace NbRunner;

internal static class ReportPrinter
{
    private const string Indent = "      ";

    public static string Progress(NotebookReport report)
    {
        if (report.Unreadable is { } reason)
        {
            return $"ERROR {report.Name}: {reason}";
        }
        var ran = report.Cells.Count(c => c.Outcome != NbEngine.Verification.CellOutcome.Skipped);
        var status = report.Passed ? "PASS " : "FAIL ";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{status} {report.Name} ({report.Seconds:0.00} s, {ran} cells{(report.Failures > 0 ? $", {report.Failures} failed" : "")})");
        return string.Join('\n', report.Problems.Prepend(line).Select((l, i) => i == 0 ? l : Indent + l.Replace("\n", "\n" + Indent)));
    }

    /// <summary>The plain closing line CI logs are read for: "notebooks: N passed, N failed".</summary>
    public static string Tally(IReadOnlyList<NotebookReport> reports) =>
        $"notebooks: {reports.Count(r => r.Passed)} passed, {reports.Count(r => !r.Passed)} failed";
}
