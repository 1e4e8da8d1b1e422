// Formats compile errors as the kernel does: "(line,col): error CSxxxx: message", relative to the cell.
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace NbEngine.Execution;

internal static class CompileErrors
{
    public static string Format(IEnumerable<Diagnostic> errors, InterruptInjector injected, string cellCode) =>
        string.Join("\n", errors.OrderBy(d => d.Location.SourceSpan.Start).Select(d =>
        {
            var offset = d.Location.IsInSource ? injected.ToOriginal(d.Location.SourceSpan.Start) : 0;
            var (line, column) = LineAndColumn(cellCode, offset);
            return $"({line},{column}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }));

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }
}
