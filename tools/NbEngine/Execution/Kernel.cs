// The helpers a notebook sees unqualified (imported with `using static`): display(…) and HTML(…), as in Polyglot.
using Microsoft.AspNetCore.Html;
using NbEngine.Formatting;

namespace NbEngine.Execution;

/// <summary>The counterpart of Polyglot's <c>Microsoft.DotNet.Interactive.Kernel</c> static helpers.</summary>
public static class Kernel
{
#pragma warning disable IDE1006 // lower-case names are the kernel's API that notebooks call
    /// <summary>Shows a value now, formatted like a trailing value, or in the given MIME types.</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var shown = new DisplayedValue(mimeTypes);
        shown.Update(value);
        return shown;
    }

    /// <summary>Marks a string as HTML, so it displays as text/html unchanged.</summary>
    public static IHtmlContent HTML(string html) => new HtmlString(html);
#pragma warning restore IDE1006
}

/// <summary>What <see cref="Kernel.display"/> returns; <see cref="Update"/> shows a new value in the same way.</summary>
public sealed class DisplayedValue(string[] mimeTypes)
{
    /// <summary>Shows <paramref name="value"/> as a further display output of the running cell.</summary>
    public void Update(object? value)
    {
        var cell = CellContext.Current ?? throw new InvalidOperationException(
            "display(…) was called outside a running cell; expected it to be called from notebook code");
        cell.Emit(ValueFormatter.Format(value, isResult: false, mimeTypes));
    }
}
