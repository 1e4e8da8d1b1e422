// A file that changed on disk after it was read, so writing over it would lose someone's edit.
namespace NbEngine.Files;

public sealed class FileChangedException(string path) : IOException(
    $"{path} changed on disk while it ran (saved in an editor?); its new outputs were not written, so the change is kept. Run update again.")
{
    public string Path { get; } = path;
}
