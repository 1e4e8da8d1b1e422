// Loads the PyTorch reference data (torch-reference.json, torch-gradients.json) and rebuilds each case's module from its seed.
using System.Text.Json;
using Recurrent;

namespace Recurrent.Tests;

public sealed record ReferenceTensor(int[] Shape, float[] Values)
{
    public Tensor ToTensor() => Tensor.FromArray(Values, Shape);
}

public sealed record ReferenceCase(JsonElement Json)
{
    public string Id => Json.GetProperty("id").GetString()!;

    public string Mode => Json.GetProperty("mode").GetString()!;

    public JsonElement Args => Json.GetProperty("args");

    public long Seed => Json.GetProperty("seed").GetInt64();

    public bool Batched => Json.GetProperty("batched").GetBoolean();

    public string InputSource => Json.GetProperty("input_source").GetString()!;

    public ReferenceTensor Tensor(string name) => ReferenceData.ReadTensor(Json.GetProperty(name));

    public bool Has(string name) => Json.TryGetProperty(name, out _);

    public IReadOnlyList<(string Name, ReferenceTensor Value)> StateDict =>
        ReferenceData.ReadParams(Json.GetProperty("state_dict"));

    public IEnumerable<JsonElement> ConstructedBefore =>
        Json.TryGetProperty("constructed_before", out var list) ? list.EnumerateArray() : [];

    public override string ToString() => Id;
}

public static class ReferenceData
{
    /// <summary>The reference files the tests read, copied beside the test assembly.</summary>
    public const string ForwardFile = "torch-reference.json", GradientFile = "torch-gradients.json";

    private static readonly Lazy<JsonDocument> Document = new(() => Load(ForwardFile));

    private static readonly Lazy<JsonDocument> GradientDocument = new(() => Load(GradientFile));

    public static IReadOnlyList<ReferenceCase> Cases => Section(Document, "cases");

    public static ReferenceCase Case(string id) => Cases.Single(c => c.Id == id);

    /// <summary>The same cases from torch-gradients.json, each with its "loss" and "grads".</summary>
    public static IReadOnlyList<ReferenceCase> GradientCases => Section(GradientDocument, "cases");

    /// <summary>A section of torch-gradients.json ("training", "packed"), one case-like object per entry.</summary>
    public static IReadOnlyList<ReferenceCase> GradientSection(string name) => Section(GradientDocument, name);

    public static JsonElement Module(string id) =>
        Document.Value.RootElement.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);

    /// <summary>A training run of torch-gradients.json (its recipe is in its "note"), by id.</summary>
    public static JsonElement TrainingRun(string id) =>
        GradientDocument.Value.RootElement.GetProperty("training").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    /// <summary>The vendored copy of a reference file.</summary>
    public static string VendoredPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Reference", fileName);

    private static IReadOnlyList<ReferenceCase> Section(Lazy<JsonDocument> document, string name) =>
        document.Value.RootElement.GetProperty(name).EnumerateArray().Select(c => new ReferenceCase(c)).ToList();

    private static JsonDocument Load(string fileName) => JsonDocument.Parse(File.ReadAllText(VendoredPath(fileName)));

    public static ReferenceTensor ReadTensor(JsonElement e) => new(
        e.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray(),
        e.GetProperty("values").EnumerateArray().Select(v => v.GetSingle()).ToArray());

    public static IReadOnlyList<(string Name, ReferenceTensor Value)> ReadParams(JsonElement list) =>
        list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, ReadTensor(p))).ToList();

    /// <summary>Builds the module an args object describes (mode from the object or <paramref name="mode"/>).</summary>
    public static RecurrentModule Build(JsonElement args, string mode)
    {
        var inputSize = args.GetProperty("input_size").GetInt32();
        var hiddenSize = args.GetProperty("hidden_size").GetInt32();
        var numLayers = args.GetProperty("num_layers").GetInt32();
        var bias = args.GetProperty("bias").GetBoolean();
        var batchFirst = args.GetProperty("batch_first").GetBoolean();
        var bidirectional = args.GetProperty("bidirectional").GetBoolean();
        return mode switch
        {
            "LSTM" => new Lstm(inputSize, hiddenSize, numLayers, bias, batchFirst, bidirectional),
            "GRU" => new Gru(inputSize, hiddenSize, numLayers, bias, batchFirst, bidirectional),
            _ => new Rnn(inputSize, hiddenSize, numLayers,
                args.GetProperty("nonlinearity").GetString() == "relu" ? Nonlinearity.Relu : Nonlinearity.Tanh,
                bias, batchFirst, bidirectional),
        };
    }
}
