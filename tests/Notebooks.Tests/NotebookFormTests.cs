// Each notebook must open in VS Code as a Polyglot C# notebook and start the way the course's notebooks start.
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

public class NotebookFormTests
{
    [Fact]
    public void Course_ShouldHaveItsNotebooksNumberedInReadingOrder()
    {
        Assert.Equal(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"], CourseNotebooks.Names.Select(n => n[..2]));
        Assert.All(CourseNotebooks.Names, n => Assert.Matches(@"^\d\d-[A-Z][\w -]+\.ipynb$", n));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Metadata_ShouldBeWhatVsCodeWritesForPolyglotCSharp(string name)
    {
        var notebook = CourseNotebooks.Load(name);
        var expected = JsonNode.Parse("""
            {
              "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
              "language_info": {"name": "polyglot-notebook"},
              "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, notebook["metadata"]), $"{name}: metadata is {notebook["metadata"]}");
        Assert.Equal(4, (int)notebook["nbformat"]!);
        Assert.Equal(5, (int)notebook["nbformat_minor"]!);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Cells_ShouldHaveUniqueIdsAndKernelMetadata(string name)
    {
        var cells = CourseNotebooks.Load(name)["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var ids = cells.Select(c => (string?)c["id"]).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id), $"{name}: a cell has no id"));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var codeMetadata = JsonNode.Parse("""
            {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}
            """);
        foreach (var cell in cells)
        {
            var expected = (string?)cell["cell_type"] == "code" ? codeMetadata!.DeepClone().AsObject() : new JsonObject();
            if (IsSolution(cell))
            {
                // A worked solution: tagged, and folded in Jupyter and VS Code.
                expected["jupyter"] = new JsonObject { ["source_hidden"] = true };
                expected["tags"] = new JsonArray("solution");
            }
            Assert.True(JsonNode.DeepEquals(expected, cell["metadata"]), $"{name}, cell {cell["id"]}: metadata {cell["metadata"]}");
            Assert.IsType<JsonArray>(cell["source"]);
        }
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void Exercises_ShouldEachHaveAWorkedSolutionThatTheRunnerChecks(string name)
    {
        var cells = CourseNotebooks.Load(name)["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var heading = cells.FindIndex(c => (string?)c["cell_type"] == "markdown"
            && CourseNotebooks.Text(c["source"]).Contains("## Exercises", StringComparison.Ordinal));
        Assert.True(heading >= 0, $"{name} ends without exercises");
        var exercises = cells.Skip(heading).Where(c => (string?)c["cell_type"] == "markdown")
            .Sum(c => Regex.Count(CourseNotebooks.Text(c["source"]), @"^\d+\. ", RegexOptions.Multiline));
        var solutions = cells.Skip(heading).Where(IsSolution).ToList();
        Assert.True(exercises > 0, $"{name}: the exercises section lists no numbered exercise");
        Assert.True(solutions.Count >= exercises, $"{name}: {exercises} exercises but {solutions.Count} solution cells");
        Assert.All(solutions, s => Assert.True(s["outputs"]!.AsArray().Count > 0, $"{name}: solution cell {s["id"]} has no stored output"));
    }

    private static bool IsSolution(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == "solution");

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void FirstCell_ShouldBeATitleWithAnInThisNotebookList(string name)
    {
        var first = CourseNotebooks.Load(name)["cells"]!.AsArray()[0]!;
        var text = CourseNotebooks.Text(first["source"]);
        Assert.Equal("markdown", (string?)first["cell_type"]);
        Assert.StartsWith("# ", text);
        Assert.Contains("In this notebook", text);
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void SecondCell_ShouldLoadTheLibraryAndTheCourseHelpersAndPlotlyOnlyWhenTheNotebookDraws(string name)
    {
        var notebook = CourseNotebooks.Load(name);
        var setup = CourseNotebooks.Text(notebook["cells"]!.AsArray()[1]!["source"]);
        Assert.Contains("#r \"../lib/Recurrent/bin/Release/net8.0/Recurrent.dll\"", setup);
        Assert.Contains("#r \"../lib/Recurrent.Interactive/bin/Release/net8.0/Recurrent.Interactive.dll\"", setup);
        Assert.Contains("using Recurrent;", setup);
        Assert.Contains("using static Recurrent.Interactive.Course;", setup);
        var draws = CourseNotebooks.Cells(notebook, "code").SelectMany(c => c["outputs"]!.AsArray())
            .Any(o => o!["data"]?["text/html"] is JsonNode html && CourseNotebooks.Text(html).Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.Equal(draws, setup.Contains("#r \"nuget: Plotly.NET, 6.0.0\"", StringComparison.Ordinal));
        Assert.Equal(draws, setup.Contains("#r \"nuget: Plotly.NET.Interactive, 6.0.0\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.All), MemberType = typeof(CourseNotebooks))]
    public void CodeCells_ShouldNotRedefineTheCourseHelpers(string name)
    {
        foreach (var cell in CourseNotebooks.Cells(CourseNotebooks.Load(name), "code"))
        {
            var source = CourseNotebooks.Text(cell["source"]);
            Assert.DoesNotContain("void Check(", source);
            Assert.DoesNotContain("bool PrintsAs(", source);
            Assert.DoesNotContain("GenericChart Styled(", source);
        }
    }
}
