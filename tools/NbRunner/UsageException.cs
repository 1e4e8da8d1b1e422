// Bad command-line usage or an input that is not a notebook: reported with exit code 2.
namespace NbRunner;

internal sealed class UsageException(string message) : Exception(message);
