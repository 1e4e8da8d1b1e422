// Builds notebook files in memory for reader, writer and verdict tests.
using System.Text;
using NbEngine.Notebooks;

namespace NbEngine.Tests;

internal static class Notebooks
{
    public static Notebook Parse(string json, string path = "/work/test.ipynb") => NotebookReader.Parse(path, Encoding.UTF8.GetBytes(json));

    /// <summary>A one-space-indented Polyglot notebook holding the given code cell objects (JSON text).</summary>
    public static string WithCells(params string[] cells) =>
        "{\n \"cells\": [\n" + string.Join(",\n", cells) + "\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}";

    public static string CodeCell(string source, string metadata = "{}", string outputs = "[]") =>
        $"  {{\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"metadata\": {metadata},\n   \"outputs\": {outputs},\n   \"source\": [\n    {System.Text.Json.JsonSerializer.Serialize(source)}\n   ]\n  }}";
}
