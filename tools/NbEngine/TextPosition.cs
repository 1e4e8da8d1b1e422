// 1-based line and column of an offset, for messages about notebook files (bytes) and cell code (chars).
namespace NbEngine;

internal static class TextPosition
{
    public static (int Line, int Column) Of<T>(ReadOnlySpan<T> text, int offset, T newline)
        where T : IEquatable<T>
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i].Equals(newline))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }
}
