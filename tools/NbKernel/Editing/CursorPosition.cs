// Converts between Jupyter cursor positions (Unicode code points) and offsets in the text Roslyn compiles.
using Microsoft.CodeAnalysis.Text;

namespace NbKernel.Editing;

/// <summary>
/// Protocol 5.2+ counts cursor positions in code points; .NET strings count UTF-16 units. The engine compiles a
/// cell with its directive lines blanked, which keeps lines and columns but not offsets, so positions in the
/// compiled text are found by line and column.
/// </summary>
internal static class CursorPosition
{
    public static int ToUtf16(string text, int codePoints)
    {
        if (codePoints < 0)
        {
            throw new ArgumentException($"expected content.cursor_pos between 0 and the code's length, got {codePoints}");
        }
        var offset = 0;
        for (var seen = 0; seen < codePoints; seen++)
        {
            if (offset >= text.Length)
            {
                throw new ArgumentException($"expected content.cursor_pos between 0 and the code's length ({seen}), got {codePoints}");
            }
            offset += char.IsHighSurrogate(text[offset]) && offset + 1 < text.Length ? 2 : 1;
        }
        return offset;
    }

    public static int ToCodePoints(string text, int utf16) =>
        utf16 - Enumerable.Range(0, utf16).Count(i => char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]));

    /// <summary>The offset in <paramref name="compiled"/> at the same line and column as <paramref name="offset"/> in the cell.</summary>
    public static int InCompiled(string cell, int offset, SourceText compiled)
    {
        var line = cell.AsSpan(0, offset).Count('\n');
        var column = offset - (cell.LastIndexOf('\n', Math.Max(offset - 1, 0)) is var newline && newline >= 0 && newline < offset ? newline + 1 : 0);
        if (line >= compiled.Lines.Count)
        {
            return compiled.Length;
        }
        var target = compiled.Lines[line];
        return target.Start + Math.Min(column, target.End - target.Start);
    }
}
