// One run of a cell's stream output (stdout or stderr) as it is stored: writes appended in linear time, the middle elided past a cap.
using System.Globalization;
using System.Text;

namespace NbEngine.Execution;

/// <summary>
/// A cell may print millions of lines, or one string of hundreds of millions of characters; stored whole, that makes
/// notebooks no editor opens and messages no JSON writer takes. As Jupyter front-ends do, a run of one stream keeps its
/// first and last <see cref="KeptCharacters"/> characters, with one line between them saying how much was left out
/// ("… 5242880 characters (327680 lines) elided …"); the tail starts at a line start. <see cref="Append"/> returns what
/// can be shown at once (the head, as it fills); <see cref="Finish"/> what was held back, marker and tail.
/// </summary>
internal sealed class CappedStream(string name)
{
    /// <summary>Characters kept at each end of a stream run: a mebi-character, about a megabyte of text.</summary>
    public const int KeptCharacters = 1 << 20;

    private readonly StringBuilder _head = new();
    private readonly StringBuilder _tail = new();
    private long _elidedCharacters;
    private long _elidedLines;
    private string? _rest;

    public string Name { get; } = name;

    /// <summary>Everything stored: head, then (if anything was left out) the marker, then the tail.</summary>
    public string Text => _head + Finish();

    /// <summary>Adds a write; returns the part of it to show now ("" once the head is full).</summary>
    public string Append(string text)
    {
        var room = KeptCharacters - _head.Length;
        if (room >= text.Length)
        {
            _head.Append(text);
            return text;
        }
        _head.Append(text, 0, room);
        var rest = text.AsSpan(room);
        if (rest.Length >= KeptCharacters)
        {
            Elide(_tail.ToString());
            Elide(rest[..^KeptCharacters]);
            _tail.Clear().Append(rest[^KeptCharacters..]);
        }
        else
        {
            _tail.Append(rest);
            if (_tail.Length > 2 * KeptCharacters)   // trimmed in batches, so appending stays linear
            {
                TrimTail();
            }
        }
        return text[..room];
    }

    /// <summary>What was held back, said once the run has ended: the marker and the tail ("" when nothing was).</summary>
    public string Finish()
    {
        if (_rest is null)
        {
            TrimTail();
            if (_elidedCharacters > 0 && _tail.ToString().IndexOf('\n') is var lineEnd and >= 0 && lineEnd < _tail.Length - 1)
            {
                Elide(_tail.ToString(0, lineEnd + 1));
                _tail.Remove(0, lineEnd + 1);
            }
            var marker = _elidedCharacters == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
                $"{(_head.Length > 0 && _head[^1] != '\n' ? "\n" : "")}… {_elidedCharacters} characters ({_elidedLines} lines) elided …\n");
            _rest = marker + _tail;
        }
        return _rest;
    }

    private void TrimTail()
    {
        if (_tail.Length > KeptCharacters)
        {
            var drop = _tail.Length - KeptCharacters;
            Elide(_tail.ToString(0, drop));
            _tail.Remove(0, drop);
        }
    }

    private void Elide(ReadOnlySpan<char> text)
    {
        _elidedCharacters += text.Length;
        _elidedLines += text.Count('\n');
    }
}
