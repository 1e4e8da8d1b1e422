// Writes the JUnit XML CI systems read: one testsuite per notebook, one testcase per code cell.
using System.Globalization;
using System.Xml.Linq;
using NbEngine.Files;
using NbEngine.Verification;

namespace NbRunner;

internal static class JUnitWriter
{
    public static void Write(string path, NotebookMode mode, IReadOnlyList<NotebookReport> reports)
    {
        var suites = reports.Select(Suite).ToList();
        var root = new XElement("testsuites",
            new XAttribute("name", $"nbrunner {mode.ToString().ToLowerInvariant()}"),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("errors", suites.Sum(s => (int)s.Attribute("errors")!)),
            new XAttribute("skipped", suites.Sum(s => (int)s.Attribute("skipped")!)),
            new XAttribute("time", Seconds(reports.Sum(r => r.Seconds))),
            suites);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        using var bytes = new MemoryStream();
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(bytes);
        AtomicFile.Write(path, bytes.ToArray());
    }

    private static XElement Suite(NotebookReport report)
    {
        var className = Path.GetFileNameWithoutExtension(report.Name);
        var cases = report.Unreadable is { } reason
            ? [new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", "read notebook"), new XAttribute("time", "0"),
                new XElement("error", new XAttribute("message", reason), new XAttribute("type", "NotebookFormat"), reason))]
            : report.Cells.Select(c => Case(className, c)).ToList();
        if (report.Failure is { } failure)
        {
            cases.Add(new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", "notebook"), new XAttribute("time", "0"),
                new XElement("failure", new XAttribute("message", failure), new XAttribute("type", "NotebookFailed"), failure)));
        }
        return new XElement("testsuite",
            new XAttribute("name", report.Name),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", report.Failures + (report.Failure is null ? 0 : 1)),
            new XAttribute("errors", report.Unreadable is null ? 0 : 1),
            new XAttribute("skipped", report.Cells.Count(c => c.Outcome == CellOutcome.Skipped)),
            new XAttribute("time", Seconds(report.Seconds)),
            new XAttribute("timestamp", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            cases);
    }

    private static XElement Case(string className, CellReport cell)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", className),
            new XAttribute("name", $"cell {cell.Number}: {cell.FirstLine}"),
            new XAttribute("time", Seconds(cell.Seconds)));
        if (cell.Outcome == CellOutcome.Failed)
        {
            element.Add(new XElement("failure", new XAttribute("message", cell.Problem ?? ""), new XAttribute("type", "CellFailed"),
                cell.Description));
        }
        else if (cell.Outcome == CellOutcome.Skipped)
        {
            element.Add(new XElement("skipped", new XAttribute("message", cell.Reason ?? "not run")));
        }
        return element;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
