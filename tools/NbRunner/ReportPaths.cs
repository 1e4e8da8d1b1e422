// Refuses a report path (--junit) that would overwrite a notebook, before anything runs.
namespace NbRunner;

internal static class ReportPaths
{
    /// <summary>
    /// An empty shell variable (<c>--junit $OUT notebooks/*.ipynb</c>) turns the first notebook into the report path:
    /// such a path, or any <c>.ipynb</c> path, is a usage error, and nothing is run or written.
    /// </summary>
    public static void EnsureNoneIsAnInput(NotebookOptions options, IReadOnlyList<string> inputs)
    {
        var inputPaths = inputs.Select(RealPath.Of).ToHashSet(StringComparer.Ordinal);
        if (options.JUnit is not { } path)
        {
            return;
        }
        if (inputPaths.Contains(RealPath.Of(path)))
        {
            throw new UsageException($"--junit expects a report file to write, got '{path}', which is one of the notebooks to run");
        }
        if (path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--junit expects a report file to write, got '{path}', which names a notebook (.ipynb)");
        }
    }
}
