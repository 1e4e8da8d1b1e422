// The helpers an exported app ends with: the kernel's way of showing values, done for a console transcript.
namespace NbExport.Apps;

internal static class AppSupport
{
    public const string ChartLine = "chart written to ";

    /// <summary>The method the app calls for each markdown heading of the notebook.</summary>
    public const string SectionMethod = "Section";

    /// <summary>The plotly.js an app's chart pages load, written beside them (Plotly.NET embeds it).</summary>
    public const string PlotlyJs = "plotly.min.js";

    /// <summary>The file the <paramref name="number"/>th chart of an app goes to (beside the app).</summary>
    public static string ChartFile(string appName, string number) => $"{appName}.chart-{number}.html";

    /// <summary>A heading as the transcript shows it: after a blank line, as written in the notebook.</summary>
    public static string Section(string heading) => $"\n{heading}\n";

    /// <summary>A displayed value as the transcript shows it: <c>label = value</c>, or the label on its own line before a multi-line value.</summary>
    public static string Labelled(string label, string text) => text.Contains('\n') ? $"{label} =\n{text}\n" : $"{label} = {text}\n";

    /// <summary>
    /// C# for <c>Section(heading)</c> and <c>display(value[, label])</c>: prints the heading or the value's text (a
    /// tensor prints as PyTorch prints it; a trailing expression's value after its label, as <see cref="Labelled"/>
    /// does); with <paramref name="charts"/>, a Plotly.NET chart is saved as an HTML page beside the app that loads
    /// a local plotly.js, and its full path is printed. The handle <c>display(value)</c> returns repeats it on <c>Update(value)</c>, except that a chart rewrites its
    /// display's file silently, so the file ends as the notebook stores the output: with the last value.
    /// </summary>
    public static string Source(string appName, bool charts)
    {
        string[] chartBranch = charts
            ?
            [
                "            if (value is Plotly.NET.GenericChart chart)",
                "            {",
                "                var folder = (string)AppContext.GetData(\"EntryPointFileDirectoryPath\");",
                "                var first = file is null;",
                $"                file ??= System.IO.Path.Combine(folder, $\"{ChartFile(Literal(appName), "{++charts}")}\");",
                $"                var plotlyJs = System.IO.Path.Combine(folder, \"{PlotlyJs}\");",
                "                if (!System.IO.File.Exists(plotlyJs))",
                "                {",
                "                    var plotly = typeof(Plotly.NET.GenericChart).Assembly;",
                "                    using var source = plotly.GetManifestResourceStream(plotly.GetManifestResourceNames().Single(n => n.EndsWith(\".min.js\")));",
                "                    using var target = System.IO.File.Create(plotlyJs);",
                "                    source.CopyTo(target);",
                "                }",
                $"                var local = Microsoft.FSharp.Core.FSharpOption<Plotly.NET.PlotlyJSReference>.Some(Plotly.NET.PlotlyJSReference.NewCDN(\"{PlotlyJs}\"));",
                "                Plotly.NET.Chart.saveHtml(file, null).Invoke(Plotly.NET.Chart.withDisplayOptionsStyle(null, null, null, null, null, null, local).Invoke(chart));",
                "                if (first)",
                "                {",
                $"                    Console.WriteLine($\"{ChartLine}{{file}}\");",
                "                }",
                "                return;",
                "            }",
            ]
            : [];
        string[] lines =
        [
            "// What the notebook's kernel does with a displayed value, done for a console (added by the exporter).",
            "partial class Program",
            "{",
            .. charts ? new[] { "    static int charts;", "" } : [],
            $"    static void {SectionMethod}(string heading) => Console.WriteLine($\"\\n{{heading}}\");",
            "",
            "    static void display(object value, string label)",
            "    {",
            .. charts ? new[] { "        if (value is Plotly.NET.GenericChart)", "        {", "            display(value);", "            return;", "        }" } : [],
            "        var text = $\"{value}\";",
            "        Console.WriteLine(text.Contains('\\n') ? $\"{label} =\\n{text}\" : $\"{label} = {text}\");",
            "    }",
            "",
            "    static Displayed display(object value)",
            "    {",
            "        var shown = new Displayed();",
            "        shown.Update(value);",
            "        return shown;",
            "    }",
            "",
            "    sealed class Displayed",
            "    {",
            .. charts ? new[] { "        string file;", "" } : [],
            "        public void Update(object value)",
            "        {",
            .. chartBranch,
            "            Console.WriteLine(value);",
            "        }",
            "    }",
            "}",
        ];
        return string.Join('\n', lines);
    }

    /// <summary>Text that can stand inside an interpolated C# string as is.</summary>
    private static string Literal(string text) =>
        text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");
}
