// The kernel's own diagnostics, written to the process's real stderr (the engine routes Console.Error to cells).
namespace NbKernel;

/// <summary>Jupyter clients show or log a kernel's stderr; cell output never goes here.</summary>
internal static class KernelLog
{
    private static readonly TextWriter Error = TextWriter.Synchronized(
        new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

    public static void Write(string message) => Error.WriteLine($"[NbKernel] {message}");
}
