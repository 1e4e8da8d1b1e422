// The display(…) helper an exported app ends with: the kernel's way of showing values, done for a console.
namespace NbExport.Apps;

internal static class AppSupport
{
    public const string ChartLine = "chart written to ";

    /// <summary>The file the <paramref name="number"/>th chart of an app goes to (beside the app).</summary>
    public static string ChartFile(string appName, string number) => $"{appName}.chart-{number}.html";

    /// <summary>
    /// C# for <c>display(value)</c>: prints the value's text (a tensor prints as PyTorch prints it); with
    /// <paramref name="charts"/>, a Plotly.NET chart is saved as an HTML page beside the app and its name printed.
    /// </summary>
    public static string Source(string appName, bool charts)
    {
        string[] chartBranch = charts
            ?
            [
                "        if (value is Plotly.NET.GenericChart chart)",
                "        {",
                $"            var file = $\"{ChartFile(Literal(appName), "{++charts}")}\";",
                "            var folder = (string)AppContext.GetData(\"EntryPointFileDirectoryPath\");",
                "            Plotly.NET.Chart.saveHtml(System.IO.Path.Combine(folder, file), null).Invoke(chart);",
                $"            Console.WriteLine($\"{ChartLine}{{file}}\");",
                "            return;",
                "        }",
            ]
            : [];
        string[] lines =
        [
            "// What the notebook's kernel does with a displayed value, done for a console (added by the exporter).",
            "partial class Program",
            "{",
            .. charts ? new[] { "    static int charts;", "" } : [],
            "    static void display(object value)",
            "    {",
            .. chartBranch,
            "        Console.WriteLine(value);",
            "    }",
            "}",
        ];
        return string.Join('\n', lines);
    }

    /// <summary>Text that can stand inside an interpolated C# string as is.</summary>
    private static string Literal(string text) =>
        text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");
}
