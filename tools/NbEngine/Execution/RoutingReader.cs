// Console.In while sessions run: reads go to the input of the cell running on the current flow, or the real console.
namespace NbEngine.Execution;

/// <summary>
/// <see cref="TextReader"/>'s other reads (blocks, <c>ReadToEnd</c>) are built on <see cref="Read()"/> and
/// <see cref="Peek"/>, so they reach the cell's input too.
/// </summary>
internal sealed class RoutingReader(TextReader fallback) : TextReader
{
    public override string? ReadLine() => CellContext.Current is { } cell ? cell.Input.ReadLine() : fallback.ReadLine();

    public override int Read() => CellContext.Current is { } cell ? cell.Input.Read() : fallback.Read();

    public override int Peek() => CellContext.Current is { } cell ? cell.Input.Peek() : fallback.Peek();
}
