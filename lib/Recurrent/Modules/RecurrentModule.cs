// What nn.RNN, nn.LSTM and nn.GRU share: argument checks, parameters in PyTorch's order and initialisation, printing.
using System.Text;
using Recurrent.Kernels;

namespace Recurrent;

/// <summary>
/// The common base of <see cref="Rnn"/>, <see cref="Lstm"/> and <see cref="Gru"/>. Parameters are named as in
/// PyTorch (<c>weight_ih_l0</c>, <c>bias_hh_l1_reverse</c>, …) and reachable with the indexer: <c>rnn["weight_ih_l0"]</c>.
/// </summary>
public abstract class RecurrentModule : Module
{
    /// <summary>Buffers of the last forward call, taken by the next one with the same shape (see RecurrentForward).</summary>
    internal ForwardWorkspace? IdleWorkspace;

    /// <summary>Saved tensors of a recorded call whose backward has run, for the next recorded call to reuse.</summary>
    internal StackRecord? IdleRecord;

    private protected RecurrentModule(string name, CellKind kind, int inputSize, int hiddenSize, int numLayers,
        Nonlinearity nonlinearity, bool bias, bool batchFirst, bool bidirectional)
        : base(name)
    {
        // PyTorch's argument names and wording (torch/nn/modules/rnn.py), so a message reads as in PyTorch.
        RequirePositive(inputSize, "input_size", nameof(inputSize));
        RequirePositive(hiddenSize, "hidden_size", nameof(hiddenSize));
        RequirePositive(numLayers, "num_layers", nameof(numLayers));
        if (!Enum.IsDefined(nonlinearity))
        {
            throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity,
                $"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.");
        }
        Spec = new RecurrentSpec(kind, nonlinearity, inputSize, hiddenSize, numLayers, bidirectional, bias);
        BatchFirst = batchFirst;
        CreateParameters();
        FlatWeights = [.. ParameterSet.All.Values];
    }

    /// <summary>input_size: the number of features in each step of the input.</summary>
    public int InputSize => Spec.InputSize;

    /// <summary>hidden_size: the number of features in the hidden state.</summary>
    public int HiddenSize => Spec.HiddenSize;

    /// <summary>num_layers: how many layers are stacked, each reading the one below.</summary>
    public int NumLayers => Spec.NumLayers;

    /// <summary>bias: whether the layers have the b_ih and b_hh parameters.</summary>
    public bool Bias => Spec.Bias;

    /// <summary>batch_first: input and output are (N, L, features) instead of (L, N, features); h0 and h_n keep (D·numLayers, N, H).</summary>
    public bool BatchFirst { get; }

    /// <summary>bidirectional: each layer also runs the sequence backwards and concatenates both directions' outputs.</summary>
    public bool Bidirectional => Spec.Bidirectional;

    /// <summary>1, or 2 when bidirectional.</summary>
    public int NumDirections => Spec.NumDirections;

    /// <summary>The cell, sizes and stacking as the kernels see them.</summary>
    internal RecurrentSpec Spec { get; }

    /// <summary>The live parameters in state-dict order (PyTorch's flat weights), as <see cref="RecurrentSpec"/> describes.</summary>
    internal Tensor[] FlatWeights { get; }

    /// <summary>A parameter by its PyTorch name, e.g. <c>"weight_hh_l0_reverse"</c>; the live tensor, not a copy.</summary>
    public Tensor this[string name] => ParameterSet[name];

    /// <summary>PyTorch's repr with only non-default arguments, e.g. <c>Rnn(1, 2, num_layers=3, bidirectional=True)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Name}({InputSize}, {HiddenSize}");
        if (NumLayers != 1)
        {
            text.Append($", num_layers={NumLayers}");
        }
        if (Spec.Nonlinearity != Nonlinearity.Tanh)
        {
            text.Append(", nonlinearity='relu'");
        }
        if (!Bias)
        {
            text.Append(", bias=False");
        }
        if (BatchFirst)
        {
            text.Append(", batch_first=True");
        }
        if (Bidirectional)
        {
            text.Append(", bidirectional=True");
        }
        return text.Append(')').ToString();
    }

    /// <summary>Runs every layer and direction; <paramref name="c0"/> is used by LSTM only.</summary>
    private protected RecurrentResult Run(Tensor input, Tensor? h0, Tensor? c0, string hiddenLabel, string cellLabel) =>
        RecurrentForward.Run(this, input, h0, c0, hiddenLabel, cellLabel);

    /// <summary>Runs a packed batch; its output's data comes back packed the same way.</summary>
    private protected RecurrentResult Run(PackedSequence input, Tensor? h0, Tensor? c0, string hiddenLabel,
        string cellLabel) =>
        RecurrentForward.RunPacked(this, input, h0, c0, hiddenLabel, cellLabel);

    /// <summary>As <see cref="Run(Tensor, Tensor?, Tensor?, string, string)"/>, into the caller's tensors (see the modules' Forward overloads with <c>into</c>).</summary>
    private protected void RunInto(Tensor input, Tensor? h0, Tensor? c0, Tensor output, Tensor hN, Tensor? cN,
        string hiddenLabel, string cellLabel) =>
        RecurrentForward.RunInto(this, input, h0, c0, output, hN, cN, hiddenLabel, cellLabel);

    private static string Suffix(int layer, int direction) => $"_l{layer}" + (direction == 1 ? "_reverse" : "");

    private void CreateParameters()
    {
        var gates = Spec.GateSize;
        for (var layer = 0; layer < NumLayers; layer++)
        {
            var layerInput = Spec.LayerInputSize(layer);
            for (var direction = 0; direction < NumDirections; direction++)
            {
                var suffix = Suffix(layer, direction);
                ParameterSet.Add("weight_ih" + suffix, gates, layerInput);
                ParameterSet.Add("weight_hh" + suffix, gates, HiddenSize);
                if (Bias)
                {
                    ParameterSet.Add("bias_ih" + suffix, gates);
                    ParameterSet.Add("bias_hh" + suffix, gates);
                }
            }
        }
        // reset_parameters: every parameter, in state-dict order, from U(-1/√H, 1/√H).
        var bound = 1.0 / Math.Sqrt(HiddenSize);
        foreach (var tensor in ParameterSet.All.Values)
        {
            Torch.FillUniform(tensor, -bound, bound);
        }
    }

    private static void RequirePositive(int value, string torchName, string paramName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{torchName} must be greater than zero, got {value}");
        }
    }
}

/// <summary>What a forward pass returns before each module shapes it into its public tuple.</summary>
internal sealed record RecurrentResult(Tensor Output, Tensor HN, Tensor? CN);
