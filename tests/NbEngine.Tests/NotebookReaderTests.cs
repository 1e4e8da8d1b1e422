// Reading notebooks: languages as Polyglot decides them, tags, stored outputs, and malformed files.
using NbEngine.Notebooks;

namespace NbEngine.Tests;

public sealed class NotebookReaderTests
{
    [Fact]
    public void Read_WhenJsonIsBroken_ReportsFileLineAndColumn()
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebooks.Parse("{\n \"cells\": [\n  {\"source\": [\"x\"\n  }\n ]\n}", "bad.ipynb"));

        Assert.Equal(("bad.ipynb", 4, 3), (error.Path, error.Line, error.Column));
        Assert.StartsWith("bad.ipynb:4:3: not valid JSON: ", error.Message);
    }

    [Fact]
    public void Read_WhenNbformatIsNotFour_SaysWhatWasExpectedAndGiven()
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebooks.Parse("{\"cells\": [], \"nbformat\": 3}", "old.ipynb"));

        Assert.Equal("old.ipynb:1:1: expected nbformat 4, got 3", error.Message);
    }

    [Fact]
    public void Read_WhenCellTypeIsUnknown_NamesTheCellAndItsPosition()
    {
        var error = Assert.Throws<NotebookFormatException>(() =>
            Notebooks.Parse("{\n \"cells\": [\n  {\"cell_type\": \"code\", \"source\": \"\"},\n  {\"cell_type\": \"widget\", \"source\": \"\"}\n ],\n \"nbformat\": 4}"));

        Assert.Equal("/work/test.ipynb:4:3: cell 2: expected cell_type code, markdown or raw, got widget", error.Message);
    }

    [Theory]
    [InlineData("{\"polyglot_notebook\": {\"kernelName\": \"fsharp\"}, \"dotnet_interactive\": {\"language\": \"csharp\"}}", "x", "fsharp")]
    [InlineData("{\"dotnet_interactive\": {\"language\": \"pwsh\"}}", "x", "pwsh")]
    [InlineData("{\"polyglot_notebook\": {\"kernelName\": \"csharp\"}}", "#!markdown\n# title", "markdown")]
    [InlineData("{\"polyglot_notebook\": {\"kernelName\": \"csharp\"}}", "#!f#\nlet x = 1", "fsharp")]
    [InlineData("{}", "var x = 1;", "csharp")]
    public void Read_CellLanguage_FollowsMagicLineThenKernelNameThenLanguage(string metadata, string source, string expected)
    {
        var notebook = Notebooks.Parse(Notebooks.WithCells(Notebooks.CodeCell(source, metadata)));

        Assert.Equal(expected, notebook.Cells[0].Language);
    }

    [Fact]
    public void Read_StoredOutputs_KeepsKindsTextsAndTags()
    {
        const string outputs = """
            [{"name": "stdout", "output_type": "stream", "text": ["a\n", "b"]},
             {"data": {"text/plain": ["x"], "application/json": {"k": 1}}, "execution_count": 1, "metadata": {}, "output_type": "execute_result"},
             {"ename": "Error", "evalue": "boom", "output_type": "error", "traceback": []}]
            """;
        var notebook = Notebooks.Parse(Notebooks.WithCells(Notebooks.CodeCell("1", "{\"tags\": [\"ignore-output\"]}", outputs)));

        var cell = notebook.Cells[0];
        Assert.True(cell.HasTag(NotebookCell.IgnoreOutputTag));
        Assert.Equal(new StreamOutput("stdout", "a\nb"), cell.StoredOutputs[0]);
        var display = Assert.IsType<DisplayOutput>(cell.StoredOutputs[1]);
        Assert.Equal(("x", "{\"k\": 1}", true), (display.Data["text/plain"], display.Data["application/json"], display.IsResult));
        Assert.Equal("boom", Assert.IsType<ErrorOutput>(cell.StoredOutputs[2]).EValue);
    }
}
