// Finds the repository root (the folder holding Rnn.Notebooks.sln) from the test's output folder.
namespace Repository.Tests;

internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Rnn.Notebooks.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Rnn.Notebooks.sln above {AppContext.BaseDirectory}");
    }
}
