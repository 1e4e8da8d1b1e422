// Publishes a running cell's outputs in order, batching stream writes into few stream messages.
using System.Text;
using NbEngine.Notebooks;

namespace NbKernel.Handlers;

/// <summary>
/// A cell may write one character at a time; sending each as a message would flood clients and split the
/// stored output. Stream text is held until another kind of output or another stream comes, the cell ends, or
/// <see cref="Interval"/> passes (so a long cell still shows progress), as ipykernel does. Once disposed (the cell
/// has ended), what a task the cell left running still writes is published at once. The engine caps what a stream run
/// holds (NbEngine's CappedStream), so no message outgrows what the JSON writer takes.
/// </summary>
internal sealed class OutputPublisher : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Action<CellOutput> _publish;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private readonly StringBuilder _pendingText = new();
    private string? _pendingName;
    private bool _closed;

    public OutputPublisher(Action<CellOutput> publish)
    {
        _publish = publish;
        _timer = new Timer(_ => FlushOnTimer());
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            if (output is StreamOutput stream && !_closed)
            {
                if (_pendingName != stream.Name)
                {
                    FlushLocked();
                    _pendingName = stream.Name;
                    _timer.Change(Interval, Timeout.InfiniteTimeSpan);
                }
                _pendingText.Append(stream.Text);
            }
            else
            {
                FlushLocked();
                _publish(output);
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            FlushLocked();
            _closed = true;
        }
    }

    /// <summary>Publishes the stream text held so far now.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <summary>The timer's thread has no caller to report to: a failure to publish is logged, never fatal to the kernel.</summary>
    private void FlushOnTimer()
    {
        try
        {
            Flush();
        }
        catch (Exception e)
        {
            KernelLog.Write($"could not publish a cell's output: {e.Message}");
        }
    }

    private void FlushLocked()
    {
        if (_pendingName is { } name)
        {
            var text = _pendingText.ToString();
            _pendingName = null;
            _pendingText.Clear();
            _publish(new StreamOutput(name, text));
        }
    }
}
