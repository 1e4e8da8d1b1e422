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

    private protected RecurrentModule(string name, CellKind kind, int inputSize, int hiddenSize, int numLayers,
        Nonlinearity nonlinearity, bool bias, bool batchFirst, bool bidirectional)
        : base(name)
    {
        RequirePositive(inputSize, nameof(inputSize));
        RequirePositive(hiddenSize, nameof(hiddenSize));
        RequirePositive(numLayers, nameof(numLayers));
        if (!Enum.IsDefined(nonlinearity))
        {
            throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity,
                $"nonlinearity must be Tanh or Relu, got {nonlinearity}");
        }
        Name = name;
        Kind = kind;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        Nonlinearity = nonlinearity;
        Bias = bias;
        BatchFirst = batchFirst;
        Bidirectional = bidirectional;
        CreateParameters();
    }

    public int InputSize { get; }

    public int HiddenSize { get; }

    public int NumLayers { get; }

    public bool Bias { get; }

    public bool BatchFirst { get; }

    public bool Bidirectional { get; }

    /// <summary>1, or 2 when bidirectional.</summary>
    public int NumDirections => Bidirectional ? 2 : 1;

    private protected string Name { get; }

    private protected CellKind Kind { get; }

    private protected Nonlinearity Nonlinearity { get; }

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
        if (Nonlinearity != Nonlinearity.Tanh)
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

    internal Tensor Parameter(string name) => ParameterSet[name];

    internal CellKind CellKind => Kind;

    internal Nonlinearity Activation => Nonlinearity;

    internal string ModuleName => Name;

    internal static string Suffix(int layer, int direction) => $"_l{layer}" + (direction == 1 ? "_reverse" : "");

    private void CreateParameters()
    {
        var gates = Kind.GateCount() * HiddenSize;
        for (var layer = 0; layer < NumLayers; layer++)
        {
            var layerInput = layer == 0 ? InputSize : HiddenSize * NumDirections;
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

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, got {value}");
        }
    }
}

/// <summary>What a forward pass returns before each module shapes it into its public tuple.</summary>
internal sealed record RecurrentResult(Tensor Output, Tensor HN, Tensor? CN);
