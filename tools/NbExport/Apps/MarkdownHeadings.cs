// The headings of a markdown cell, which an exported app prints as the section titles of its transcript.
using System.Text.RegularExpressions;

namespace NbExport.Apps;

internal static partial class MarkdownHeadings
{
    /// <summary>Each ATX heading line (<c># …</c> to <c>###### …</c>) as written, outside fenced code blocks.</summary>
    public static IReadOnlyList<string> Of(string markdown)
    {
        var headings = new List<string>();
        var fenced = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced && Heading().IsMatch(line))
            {
                headings.Add(line.Trim());
            }
        }
        return headings;
    }

    [GeneratedRegex("^#{1,6} +\\S")]
    private static partial Regex Heading();
}
