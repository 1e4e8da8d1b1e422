// What a notebook is called on the site and in an app: its first heading, its first paragraph, a URL-safe name.
using System.Text.RegularExpressions;
using NbEngine.Notebooks;

namespace NbExport;

public static partial class NotebookTitle
{
    /// <summary>The first <c># heading</c> of the first markdown cell, else the file name without extension.</summary>
    public static string Of(Notebook notebook) => Heading(FirstMarkdown(notebook)) ?? Path.GetFileNameWithoutExtension(notebook.Name);

    /// <summary>The first paragraph after that heading (markdown as written), or "" when there is none.</summary>
    public static string Summary(Notebook notebook) =>
        string.Join(' ', Lines(FirstMarkdown(notebook))
            .SkipWhile(l => !IsHeading(l)).Skip(1)
            .SkipWhile(string.IsNullOrWhiteSpace)
            .TakeWhile(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Trim()));

    /// <summary><c>02-Vanilla RNN.ipynb</c> → <c>02-vanilla-rnn</c>: lower case, runs of other characters as one dash.</summary>
    public static string Slug(Notebook notebook) =>
        NotSlug().Replace(Path.GetFileNameWithoutExtension(notebook.Name).ToLowerInvariant(), "-").Trim('-');

    /// <summary>The text of the first level-one heading of a markdown text, or null.</summary>
    public static string? Heading(string markdown) => Lines(markdown).FirstOrDefault(IsHeading)?[2..].Trim();

    private static bool IsHeading(string line) => line.StartsWith("# ", StringComparison.Ordinal);

    private static string FirstMarkdown(Notebook notebook) => notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown)?.Source ?? "";

    private static string[] Lines(string markdown) => markdown.ReplaceLineEndings("\n").Split('\n');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
