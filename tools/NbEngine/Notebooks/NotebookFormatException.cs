// Raised for a file that is not a well-formed nbformat 4 notebook; names the file, line and column.
namespace NbEngine.Notebooks;

/// <summary>A notebook that cannot be read. <see cref="Exception.Message"/> reads <c>path:line:column: problem</c>.</summary>
public sealed class NotebookFormatException(string path, int line, int column, string problem)
    : Exception($"{path}:{line}:{column}: {problem}")
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Problem { get; } = problem;
}
