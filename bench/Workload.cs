// The workloads: time-major float32 forward passes, S1 to S4 on RNN(tanh), plus LSTM and GRU on S2's shape.
namespace Recurrent.Bench;

public sealed record Workload(string Id, string Cell, int SeqLen, int Batch, int InputSize, int HiddenSize, int Layers,
    bool Bidirectional, double Target)
{
    public static IReadOnlyList<Workload> All { get; } =
    [
        new("S1", "rnn", 5, 4, 1, 2, 1, false, 50),
        new("S2", "rnn", 100, 32, 64, 128, 2, false, 3),
        new("S3", "rnn", 200, 64, 256, 512, 1, true, 2),
        new("S4", "rnn", 1000, 1, 32, 64, 1, false, 15),
        new("S2-LSTM", "lstm", 100, 32, 64, 128, 2, false, 2),
        new("S2-GRU", "gru", 100, 32, 64, 128, 2, false, 2),
    ];

    public static Workload Get(string id) => All.Single(w => w.Id == id);

    /// <summary>Multiply-adds of one forward pass: input projections plus the recurrent products.</summary>
    public double Flops
    {
        get
        {
            var gates = (Cell switch { "lstm" => 4, "gru" => 3, _ => 1 }) * HiddenSize;
            var directions = Bidirectional ? 2 : 1;
            double total = 0;
            for (var layer = 0; layer < Layers; layer++)
            {
                var input = layer == 0 ? InputSize : directions * HiddenSize;
                total += 2.0 * SeqLen * Batch * gates * (input + HiddenSize) * directions;
            }
            return total;
        }
    }

    public override string ToString() => Id;
}
