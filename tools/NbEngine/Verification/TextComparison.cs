// Compares two texts line by line, numbers within a tolerance, whitespace runs and line endings normalised.
using System.Globalization;
using System.Text.RegularExpressions;

namespace NbEngine.Verification;

/// <summary>
/// Texts are equal when, after normalising line endings, trailing spaces and runs of spaces, they have the same
/// lines and each line has the same words and the same numbers within the tolerance. The first difference is
/// described as the two numbers (<c>stored -0.0819, got -0.0820</c>) or the two lines.
/// </summary>
public static partial class TextComparison
{
    /// <summary>Null when the texts match; otherwise "stored …, got …" for the first difference.</summary>
    public static string? FirstDifference(string stored, string actual, Tolerance tolerance)
    {
        var storedLines = Lines(stored);
        var actualLines = Lines(actual);
        for (var i = 0; i < Math.Min(storedLines.Count, actualLines.Count); i++)
        {
            if (LineDifference(storedLines[i], actualLines[i], tolerance) is { } difference)
            {
                return difference;
            }
        }
        return storedLines.Count == actualLines.Count
            ? null
            : $"stored {storedLines.Count} lines, got {actualLines.Count} (first unmatched: \"{Clip(Unmatched(storedLines, actualLines))}\")";
    }

    private static string? LineDifference(string stored, string actual, Tolerance tolerance)
    {
        var storedTokens = Tokens(stored);
        var actualTokens = Tokens(actual);
        for (var i = 0; i < Math.Min(storedTokens.Count, actualTokens.Count); i++)
        {
            var (s, a) = (storedTokens[i], actualTokens[i]);
            if (s.Number is { } storedNumber && a.Number is { } actualNumber)
            {
                if (!tolerance.Accepts(storedNumber, actualNumber))
                {
                    return $"stored {s.Text}, got {a.Text}";
                }
            }
            else if (s.Text != a.Text)
            {
                return LinesDiffer(stored, actual);
            }
        }
        return storedTokens.Count == actualTokens.Count ? null : LinesDiffer(stored, actual);
    }

    /// <summary>Both lines around their first differing character, so long lines (HTML) show the place.</summary>
    private static string LinesDiffer(string stored, string actual)
    {
        var at = 0;
        while (at < stored.Length && at < actual.Length && stored[at] == actual[at])
        {
            at++;
        }
        var from = Math.Max(0, at - 40);
        return $"stored \"{Clip(stored[from..])}\", got \"{Clip(actual[from..])}\"";
    }

    private static List<string> Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    private readonly record struct Token(string Text, double? Number);

    private static List<Token> Tokens(string line)
    {
        var tokens = new List<Token>();
        var position = 0;
        foreach (Match m in Number().Matches(line))
        {
            if (m.Index > position)
            {
                tokens.Add(new Token(line[position..m.Index], null));
            }
            tokens.Add(new Token(m.Value, double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
            position = m.Index + m.Length;
        }
        if (position < line.Length)
        {
            tokens.Add(new Token(line[position..], null));
        }
        return tokens;
    }

    private static string Unmatched(List<string> stored, List<string> actual) =>
        stored.Count > actual.Count ? stored[actual.Count] : actual[stored.Count];

    private static string Clip(string line) => line.Length <= 120 ? line : line[..117] + "...";

    [GeneratedRegex(@"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
