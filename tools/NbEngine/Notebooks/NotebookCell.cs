// One cell of a notebook as read from disk: kind, language, source, tags and stored outputs.
namespace NbEngine.Notebooks;

/// <summary>A cell read from a notebook file. <see cref="Number"/> counts all cells from 1, as VS Code shows them.</summary>
public sealed class NotebookCell
{
    public const string SkipExecutionTag = "skip-execution";
    public const string IgnoreOutputTag = "ignore-output";
    public const string RaisesExceptionTag = "raises-exception";

    /// <summary>
    /// A worked solution to an exercise: run and verified like any cell, shown collapsed (its source hidden in
    /// Jupyter and VS Code through <c>jupyter.source_hidden</c>, folded under "Solution" on the site).
    /// </summary>
    public const string SolutionTag = "solution";

    public required int Index { get; init; }

    public required CellKind Kind { get; init; }

    /// <summary>The kernel that runs the cell (<c>csharp</c>, <c>markdown</c>, <c>fsharp</c>, <c>html</c>, …).</summary>
    public required string Language { get; init; }

    public required string Source { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyList<CellOutput> StoredOutputs { get; init; }

    public int? StoredExecutionCount { get; init; }

    internal JsonSpan? OutputsSpan { get; init; }

    internal JsonSpan? ExecutionCountSpan { get; init; }

    public int Number => Index + 1;

    public bool IsCode => Kind == CellKind.Code && Language != CellLanguage.Markdown;

    /// <summary>The first non-blank line that is not a <c>#!kernel</c> magic, for messages.</summary>
    public string FirstLine =>
        Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("#!", StringComparison.Ordinal)) ?? "";

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}
