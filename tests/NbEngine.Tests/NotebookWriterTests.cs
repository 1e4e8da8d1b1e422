// Writing outputs back: only outputs and counts change, in the file's own layout, atomically.
using System.Text;
using NbEngine.Notebooks;

namespace NbEngine.Tests;

public sealed class NotebookWriterTests
{
    [Fact]
    public void WithOutputs_WhenFileUsesCrlfAndOneSpaceIndent_WritesOutputsInTheSameLayout()
    {
        var json = Notebooks.WithCells(Notebooks.CodeCell("1")).ReplaceLineEndings("\r\n");
        var notebook = Notebooks.Parse(json);

        var written = Encoding.UTF8.GetString(NotebookWriter.WithOutputs(notebook,
            [new CellUpdate(0, [new StreamOutput("stdout", "x\ny")], 3)]));

        var expected = json
            .Replace("\"execution_count\": null", "\"execution_count\": 3")
            .Replace("\"outputs\": []", "\"outputs\": [\r\n    {\r\n     \"name\": \"stdout\",\r\n     \"output_type\": \"stream\",\r\n     \"text\": [\r\n      \"x\\n\",\r\n      \"y\"\r\n     ]\r\n    }\r\n   ]");
        Assert.Equal(expected, written);
    }

    [Fact]
    public void WithOutputs_WhenFileIsOnOneLine_KeepsItOnOneLine()
    {
        var notebook = Notebooks.Parse("{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 5, \"metadata\": {}, \"outputs\": [{\"name\": \"stdout\", \"output_type\": \"stream\", \"text\": \"old\"}], \"source\": \"1\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");

        var written = Encoding.UTF8.GetString(NotebookWriter.WithOutputs(notebook,
            [new CellUpdate(0, [DisplayOutput.Single("text/plain", "new", isResult: true)], 1)]));

        Assert.Equal("{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 1, \"metadata\": {}, \"outputs\": [{\"data\": {\"text/plain\": [\"new\"]}, \"metadata\": {}, \"output_type\": \"display_data\"}], \"source\": \"1\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", written);
    }

    [Fact]
    public void WithOutputs_WhenErrorOutput_WritesEnameEvalueAndEmptyTraceback()
    {
        var notebook = Notebooks.Parse(Notebooks.WithCells(Notebooks.CodeCell("1")));

        var written = Encoding.UTF8.GetString(NotebookWriter.WithOutputs(notebook, [new CellUpdate(0, [ErrorOutput.FromText("E: \"q\"\u0001")], 1)]));

        Assert.Contains("{\n     \"ename\": \"Error\",\n     \"evalue\": \"E: \\\"q\\\"\\u0001\",\n     \"output_type\": \"error\",\n     \"traceback\": []\n    }", written);
    }

    [Fact]
    public void AtomicFileWrite_ReplacesTheFileAndLeavesNoTemporaryFileBehind()
    {
        var folder = Directory.CreateTempSubdirectory("nbengine-write-").FullName;
        var path = Path.Combine(folder, "n.ipynb");
        File.WriteAllText(path, "old");

        NbEngine.Files.AtomicFile.Write(path, Encoding.UTF8.GetBytes("new"));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }
}
