// A running cell's console input: lines from its front-end, handed out whole or character by character.
namespace NbEngine.Execution;

/// <summary>
/// Keeps the rest of the last line read, with its line break, for <see cref="Read"/> and <see cref="Peek"/>, so
/// mixing them with <see cref="ReadLine"/> sees the text in order as a console would. Without a source, reading
/// fails with an error saying so instead of blocking on the process's own standard input.
/// </summary>
internal sealed class CellInput(Func<CancellationToken, string?>? source, CancellationToken interrupt)
{
    private readonly object _gate = new();
    private string _rest = "";

    public string? ReadLine()
    {
        lock (_gate)
        {
            if (_rest.Length == 0)
            {
                return Next();
            }
            var end = _rest.IndexOf('\n');
            var line = _rest[..end];
            _rest = _rest[(end + 1)..];
            return line;
        }
    }

    public int Read()
    {
        lock (_gate)
        {
            var next = Peek();
            if (next >= 0)
            {
                _rest = _rest[1..];
            }
            return next;
        }
    }

    public int Peek()
    {
        lock (_gate)
        {
            if (_rest.Length == 0 && Next() is { } line)
            {
                _rest = line + "\n";
            }
            return _rest.Length == 0 ? -1 : _rest[0];
        }
    }

    private string? Next() => source is null
        ? throw new InvalidOperationException(
            "Console input was requested, but this cell has no input source: expected a front-end that answers input requests, got none")
        : source(interrupt);
}
