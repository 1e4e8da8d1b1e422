// A notebook file held as its exact bytes plus the cells parsed from them.
namespace NbEngine.Notebooks;

/// <summary>
/// A parsed notebook. The original bytes are kept so that <see cref="NotebookWriter"/> can replace only outputs
/// and execution counts and leave everything else byte-for-byte as it was.
/// </summary>
public sealed class Notebook
{
    internal Notebook(string path, byte[] bytes, IReadOnlyList<NotebookCell> cells, string indentUnit)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Bytes = bytes;
        Cells = cells;
        IndentUnit = indentUnit;
    }

    /// <summary>The file the notebook was read from (as given).</summary>
    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>The folder the kernel runs in: relative <c>#r</c> paths and the current directory start here
    /// (made absolute when the notebook is read, so later changes of the current directory do not move it).</summary>
    public string Directory { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The file's bytes as read: a writer passes them back so a file changed since is not overwritten.</summary>
    public byte[] Bytes { get; }

    /// <summary>One level of indentation in the file ("" when the file is written on one line).</summary>
    internal string IndentUnit { get; }
}
