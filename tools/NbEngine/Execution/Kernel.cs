// The helpers a notebook sees unqualified (imported with `using static`): display(…) and HTML(…), as in Polyglot.
using Microsoft.AspNetCore.Html;

namespace NbEngine.Execution;

/// <summary>The counterpart of Polyglot's <c>Microsoft.DotNet.Interactive.Kernel</c> static helpers.</summary>
public static class Kernel
{
#pragma warning disable IDE1006 // lower-case names are the kernel's API that notebooks call
    /// <summary>
    /// Shows a value now, formatted like a trailing value, or in the given MIME types. The handle it returns
    /// replaces that output in place: <c>var shown = display(chart); … shown.Update(newChart);</c>.
    /// </summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes) => DisplayedValue.Show(value, mimeTypes);

    /// <summary>Marks a string as HTML, so it displays as text/html unchanged.</summary>
    public static IHtmlContent HTML(string html) => new HtmlString(html);
#pragma warning restore IDE1006
}
