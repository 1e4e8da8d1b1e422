// The handle display(…) returns: Update(value) replaces the shown output in place, as Polyglot's DisplayedValue.Update does.
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbEngine.Execution;

/// <summary>
/// A training loop shows its loss chart once and updates it as it learns:
/// <code>var shown = display(LossChart(losses));
/// for (…) { …; shown.Update(LossChart(losses)); }</code>
/// Jupyter front-ends redraw the output in place while the cell runs (<c>update_display_data</c> with
/// <see cref="DisplayId"/>); a notebook stores only the last value, in the output's original place.
/// </summary>
public sealed class DisplayedValue
{
    private readonly string[] _mimeTypes;
    private readonly CellContext _cell;

    private DisplayedValue(object? value, string[] mimeTypes, CellContext cell)
    {
        Value = value;
        _mimeTypes = mimeTypes;
        _cell = cell;
    }

    /// <summary>The output's id, fresh for each <c>display(…)</c> call; Jupyter front-ends get it as <c>display_id</c>.</summary>
    public string DisplayId { get; } = Guid.NewGuid().ToString();

    /// <summary>The value shown now.</summary>
    public object? Value { get; private set; }

    /// <summary>Replaces the shown output with <paramref name="updatedValue"/>, formatted in the same MIME types.</summary>
    public void Update(object? updatedValue)
    {
        Value = updatedValue;
        // An update from a later cell (or a task the cell left running) goes to whichever cell runs now, else to the cell that showed it.
        (CellContext.Current ?? _cell).Emit(new DisplayUpdate(Formatted()));
    }

    internal static DisplayedValue Show(object? value, string[] mimeTypes)
    {
        var cell = CellContext.Current ?? throw new InvalidOperationException(
            "display(…) was called outside a running cell; expected it to be called from notebook code");
        var shown = new DisplayedValue(value, mimeTypes, cell);
        cell.Emit(shown.Formatted());
        return shown;
    }

    private DisplayOutput Formatted() => ValueFormatter.Format(Value, isResult: false, _mimeTypes) with { DisplayId = DisplayId };
}
