// Routes Console.Out, Console.Error and Console.In to the cell running on the current flow, or to the real console otherwise.
using System.Text;
using NbEngine.Notebooks;

namespace NbEngine.Execution;

/// <summary>Installs, once per process, console writers and a reader that serve <see cref="CellContext.Current"/>.</summary>
internal static class ConsoleRouter
{
    private static readonly Lazy<bool> Installed = new(() =>
    {
        Console.SetOut(new RoutingWriter(StreamOutput.StandardOutput, Console.Out));
        Console.SetError(new RoutingWriter(StreamOutput.StandardError, Console.Error));
        Console.SetIn(new RoutingReader(Console.In));
        return true;
    });

    public static void EnsureInstalled() => _ = Installed.Value;

    private sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            if (CellContext.Current is { } cell)
            {
                cell.Emit(new StreamOutput(stream, value));
            }
            else
            {
                fallback.Write(value);
            }
        }

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void Flush()
        {
            if (CellContext.Current is null)
            {
                fallback.Flush();
            }
        }
    }
}
