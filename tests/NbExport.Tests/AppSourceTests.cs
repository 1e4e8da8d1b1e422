// How a notebook becomes a file-based app: directives, imports, trailing expressions, comments, errors.
using NbEngine.Notebooks;
using NbExport.Apps;

namespace NbExport.Tests;

public sealed class AppSourceTests
{
    [Fact]
    public void ExportCs_TurnsNugetReferencesIntoPackageDirectivesWithTheEnginesSubstitutesAndOnlyChartNotebooksLoadPlotly()
    {
        var source = AppSource.Render(Course.Named("05-Manual Recurrence.ipynb"), Course.AppsFolder);

        var packages = source.Split('\n').Where(l => l.StartsWith("#:package ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["#:package MathNet.Numerics@5.0.0"], packages);
        var charts = AppSource.Render(Course.Named("02-Vanilla RNN.ipynb"), Course.AppsFolder).Split('\n')
            .Where(l => l.StartsWith("#:package ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["#:package Plotly.NET.CSharp@0.14.0", "#:package Plotly.NET@6.0.0"], charts);   // the extension, substituted by Plotly.NET, is the last request
    }

    [Fact]
    public void ExportCs_ReferencesTheLibraryDllsThroughTheirProjects()
    {
        var source = AppSource.Render(Course.Named("02-Vanilla RNN.ipynb"), Course.AppsFolder);

        Assert.Contains("#:project ../../lib/Recurrent/Recurrent.csproj\n#:project ../../lib/Recurrent.Interactive/Recurrent.Interactive.csproj\n", source);
        Assert.DoesNotContain("#r ", source);
    }

    [Fact]
    public void ExportCs_DisplaysTrailingExpressionsHoistsUsingsAndMovesTypesLast()
    {
        var notebook = FixtureNotebook.Write("Shapes.ipynb",
        [
            FixtureCell.Code("using System.Globalization;\nrecord Point(int X, int Y);\nvar p = new Point(1, 2);\np  // shown"),
            FixtureCell.Code("Console.WriteLine(p.X);"),
        ]);

        var source = AppSource.Render(notebook, notebook.Directory);

        Assert.Contains("using System.Linq;\nusing System.Globalization;\n", source);
        Assert.Contains("var p = new Point(1, 2);\ndisplay(p, \"p\");  // shown\n\nConsole.WriteLine(p.X);\n\nrecord Point(int X, int Y);\n", source);
        Assert.Single(source.Split('\n'), l => l.StartsWith("using System.Globalization", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportCs_FirstMovesToTheNotebooksFolder_SoRelativePathsNameTheFilesTheNotebookReads()
    {
        var folder = Directory.CreateTempSubdirectory("nbexport-test-").FullName;
        var notebook = FixtureNotebook.Write("Reads.ipynb", [FixtureCell.Code("Console.WriteLine(System.IO.File.ReadAllText(\"data/x.txt\"));")], folder);

        var source = AppSource.Render(notebook, Path.Combine(folder, "apps"));

        Assert.Contains("using System.Linq;\n\n// Like the notebook's kernel, work in the notebook's folder, so relative paths find the same files.\n" +
            "System.IO.Directory.SetCurrentDirectory(System.IO.Path.GetFullPath(System.IO.Path.Combine(" +
            "(string)AppContext.GetData(\"EntryPointFileDirectoryPath\"), \"..\")));\n\nConsole.WriteLine(System.IO.File.ReadAllText(\"data/x.txt\"));", source);
        Assert.Contains("), \".\")));", AppSource.Render(notebook, folder));
    }

    [Fact]
    public void ExportCs_KeepsMarkdownAndCellsItCannotRunAsComments()
    {
        var notebook = FixtureNotebook.Write("Comments.ipynb",
        [
            FixtureCell.Markdown("# Title\n\nSome *text*."),
            FixtureCell.Code("Console.WriteLine(\"slow\");", null, NotebookCell.SkipExecutionTag),
            FixtureCell.Code("throw new Exception(\"on purpose\");", null, NotebookCell.RaisesExceptionTag),
        ]);

        var source = AppSource.Render(notebook, notebook.Directory);

        Assert.Contains("// # Title\n//\n// Some *text*.\nSection(\"# Title\");\n", source);
        Assert.Contains("// (tagged skip-execution, so this app does not run it)\n// Console.WriteLine(\"slow\");\n", source);
        Assert.Contains("// (tagged raises-exception, so this app does not run it)\n// throw new Exception(\"on purpose\");\n", source);
    }

    [Theory]
    [InlineData("var steps = 1;", "var steps = 2;", "steps")]
    [InlineData("var (a, b) = (1, 2);", "int F() => 1;\nvar (c, b) = (3, 4);", "b")]
    [InlineData("int Twice(int x) => 2 * x;", "double Twice(double x) => 2 * x;", "Twice")]
    public void ExportCs_ANameTwoCellsDeclare_IsRefusedNamingBothCells(string first, string second, string name)
    {
        var notebook = FixtureNotebook.Write("Twice.ipynb", [FixtureCell.Code(first), FixtureCell.Markdown("prose"), FixtureCell.Code(second)]);

        var error = Assert.Throws<ExportException>(() => AppSource.Render(notebook, notebook.Directory));

        Assert.StartsWith($"Twice.ipynb: cell 3 declares `{name}`, which cell 1 declared already.", error.Message);
    }

    [Fact]
    public void ExportCs_ADllThatNoProjectBuilds_SaysWhatWasExpectedAndWhatWasGiven()
    {
        var notebook = FixtureNotebook.Write("Dll.ipynb", [FixtureCell.Code("#r \"libs/Loose.dll\"\nConsole.WriteLine(1);")]);

        var error = Assert.Throws<ExportException>(() => AppSource.Render(notebook, notebook.Directory));

        Assert.Contains("Dll.ipynb: #r \"libs/Loose.dll\": expected the build output of a project", error.Message);
        Assert.Contains($"got {Path.Combine(notebook.Directory, "libs", "Loose.dll")}, which has no such project", error.Message);
    }

    [Fact]
    public void ExportCs_TranscriptHasSectionTitlesLabelledValuesAndChartPathsAndNoPackageNotes()
    {
        var notebook = FixtureNotebook.Write("03-Charts.ipynb",
        [
            FixtureCell.Markdown("# Charts\n\nSome text.\n\n```\n# not a heading\n```\n\n## First part"),
            FixtureCell.Code("#r \"nuget: Plotly.NET.Interactive, 6.0.0\"", """
                [{"output_type": "display_data", "data": {"text/html": "<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>Plotly.NET.Interactive, 6.0.0</span></li></ul></div></div>"}, "metadata": {}},
                 {"output_type": "display_data", "data": {"text/plain": "Loading extensions from `/x/Plotly.NET.Interactive.dll`"}, "metadata": {}}]
                """),
            FixtureCell.Code("Console.WriteLine(1);\ndisplay(chart);\nh1[0]", """
                [{"output_type": "stream", "name": "stdout", "text": "1\n"},
                 {"output_type": "display_data", "data": {"text/html": "<div id=\"a\"></div><script>Plotly.newPlot('a', [], {});</script>"}, "metadata": {}},
                 {"output_type": "display_data", "data": {"text/html": "<div class=\"dni-plaintext\"><pre>-0.9896775</pre></div><style>.x { }</style>"}, "metadata": {}}]
                """),
            FixtureCell.Code("t", """[{"output_type": "display_data", "data": {"text/plain": "tensor([[1.],\n        [2.]])"}, "metadata": {}}]"""),
        ]);

        var printed = string.Concat(AppTranscript.Expected(notebook, "/apps").Cast<StreamOutput>().Select(s => s.Text));

        Assert.Equal("\n# Charts\n\n## First part\n1\nchart written to /apps/03-Charts.chart-1.html\nh1[0] = -0.9896775\nt =\ntensor([[1.],\n        [2.]])\n", printed);
    }
}
