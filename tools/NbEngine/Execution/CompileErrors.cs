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
            var (line, column) = TextPosition.Of(cellCode.AsSpan(), offset, '\n');
            return $"({line},{column}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }));
}
