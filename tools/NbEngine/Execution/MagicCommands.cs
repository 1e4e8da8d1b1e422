// The magic commands learners know from Polyglot: #!time, #!who, #!whos and #!lsmagic, with the outputs .NET Interactive gives.
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;
using NbEngine.Formatting;
using NbEngine.Notebooks;
using static Microsoft.DotNet.Interactive.Formatting.PocketViewTags;

namespace NbEngine.Execution;

/// <summary>
/// Formats follow the archived .NET Interactive sources: <c>#!time</c> prints <c>Wall time: 12.3456ms</c> as
/// text/plain once the cell has finished, <c>#!who</c> the variables' names and <c>#!whos</c> a Variable / Type /
/// Value table (HTML, as its <c>KernelValuesFormatter</c> writes them), <c>#!lsmagic</c> the directives with
/// their descriptions. Each display also carries plain text for consoles.
/// </summary>
internal static class MagicCommands
{
    public const string Time = "#!time";
    public const string Who = "#!who";
    public const string Whos = "#!whos";
    public const string LsMagic = "#!lsmagic";

    /// <summary>What <c>#!lsmagic</c> lists, by name, with .NET Interactive's descriptions.</summary>
    private static readonly SortedDictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [LsMagic] = "List the available magic commands / directives",
        [Time] = "Time the execution of the following code in the submission.",
        [Who] = "Display the names of the current top-level variables.",
        [Whos] = "Display the names of the current top-level variables and their values.",
        ["#i"] = "Include a NuGet package source or search path for referenced assemblies",
        ["#r"] = """Add a NuGet package reference using #r "nuget:<package>[,<version>]" or reference an assembly using #r "<path to assembly>" """,
    };

    public static bool IsKnown(string name) => name != "#i" && name != "#r" && Descriptions.ContainsKey(name);

    /// <summary>The compile-error-like message .NET Interactive's parser gives, which fails the whole cell before anything runs.</summary>
    public static string Unknown(MagicLine magic) => $"({magic.Line},1): error DNI101: Unknown magic command '{magic.Name}'";

    /// <summary><c>Wall time: 12.3456ms</c>, the elapsed time in milliseconds as .NET prints a double.</summary>
    public static DisplayOutput WallTime(TimeSpan elapsed) =>
        DisplayOutput.Single(ValueFormatter.PlainText, $"Wall time: {elapsed.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms");

    /// <summary><c>#!who</c> or <c>#!whos</c> on the session's variables (each name once, with its latest value).</summary>
    public static DisplayOutput Variables(ScriptState<object>? state, bool detailed)
    {
        var variables = (state?.Variables ?? []).GroupBy(v => v.Name).Select(g => (Name: g.Key, g.Last().Value)).ToList();
        PocketView html = detailed
            ? table(
                thead(tr(th("Variable"), th("Type"), th("Value"))),
                tbody(variables.Select(v => tr(td(v.Name), td(v.Value?.GetType()), td(div[@class: "dni-plaintext"](pre(v.Value.ToDisplayString())))))))
            : div(variables.Select(v => v.Name + "\t "));
        var plain = variables.Count == 0 ? "(no variables)"
            : detailed ? PlainTable(variables.Select(v => new[] { v.Name, v.Value?.GetType().ToDisplayString() ?? "", v.Value.ToDisplayString() }))
            : string.Join("\t", variables.Select(v => v.Name));
        return Shown(html.ToString(), plain);
    }

    /// <summary><c>#!lsmagic</c>: the directives this engine supports, as the C# kernel's section of Polyglot's list.</summary>
    public static DisplayOutput List()
    {
        const double indent = 1.5;
        var level = indent.ToString("##.#", CultureInfo.InvariantCulture);
        var next = (indent * 2).ToString("##.#", CultureInfo.InvariantCulture);
        PocketView html = div(
            h3("csharp kernel"),
            div(Descriptions.Select(d => div[style: $"text-indent:{level}em"](
                new HtmlString("<pre>"),
                span[style: $"text-indent:{level}em; color:#512bd4"](d.Key),
                new HtmlString("</pre>"),
                div[style: $"text-indent:{next}em"](d.Value)))));
        return Shown(html.ToString(), "csharp kernel\n" + string.Concat(Descriptions.Select(d => $"  {d.Key,-10} {d.Value.Trim()}\n")).TrimEnd('\n'));
    }

    private static DisplayOutput Shown(string html, string plain) =>
        DisplayOutput.Single(ValueFormatter.Html, html) with { LiveData = new Dictionary<string, string> { [ValueFormatter.PlainText] = plain } };

    /// <summary>Rows under a Variable / Type / Value header, columns padded to their widest cell (values' later lines indented).</summary>
    private static string PlainTable(IEnumerable<string[]> rows)
    {
        string[][] all = [["Variable", "Type", "Value"], .. rows];
        var widths = Enumerable.Range(0, 2).Select(c => all.Max(r => r[c].Length)).ToArray();
        var indent = new string(' ', widths[0] + widths[1] + 4);
        return string.Join("\n", all.Select(r => $"{r[0].PadRight(widths[0])}  {r[1].PadRight(widths[1])}  {r[2].ReplaceLineEndings("\n" + indent)}"));
    }
}
