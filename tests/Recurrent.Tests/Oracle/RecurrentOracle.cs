// A float64 re-implementation of nn.RNN / nn.LSTM / nn.GRU from their equations, independent of the library, for finite differences.
namespace Recurrent.Tests.Oracle;

/// <summary>
/// Runs a layer stack in double precision, one sequence and one step at a time, straight from the equations in
/// PyTorch's documentation: each sequence n runs its own <c>lengths[n]</c> steps (forward direction from its first
/// element, reverse direction from its own last one), outputs past a sequence's end are 0, and h_n holds each
/// sequence's state after its own last step. Parameters are named and ordered as PyTorch's state dict. Everything
/// is time-major and in the caller's batch order; nothing here calls the library.
/// </summary>
internal sealed class RecurrentOracle(string kind, int inputSize, int hidden, int layers, bool bidirectional, bool bias)
{
    private int Directions => bidirectional ? 2 : 1;

    private int Gates => kind switch { "lstm" => 4, "gru" => 3, _ => 1 };

    /// <summary>output (L, N, D·H), h_n (D·layers, N, H) and, for LSTM, c_n likewise.</summary>
    public (double[] Output, double[] HN, double[] CN) Run(IReadOnlyDictionary<string, double[]> p, double[] x,
        int steps, int batch, double[]? h0, double[]? c0, int[] lengths)
    {
        var states = Directions * layers;
        var hN = new double[states * batch * hidden];
        var cN = new double[hN.Length];
        var layerInput = x;
        var width = inputSize;
        for (var layer = 0; layer < layers; layer++)
        {
            var output = new double[steps * batch * Directions * hidden];
            for (var d = 0; d < Directions; d++)
            {
                var suffix = $"_l{layer}" + (d == 1 ? "_reverse" : "");
                var slot = layer * Directions + d;
                for (var n = 0; n < batch; n++)
                {
                    var h = h0 is null ? new double[hidden] : h0.AsSpan((slot * batch + n) * hidden, hidden).ToArray();
                    var c = c0 is null ? new double[hidden] : c0.AsSpan((slot * batch + n) * hidden, hidden).ToArray();
                    for (var s = 0; s < lengths[n]; s++)
                    {
                        var t = d == 0 ? s : lengths[n] - 1 - s;
                        var xt = layerInput.AsSpan((t * batch + n) * width, width).ToArray();
                        (h, c) = Step(p, suffix, xt, h, c);
                        h.CopyTo(output, ((t * batch + n) * Directions + d) * hidden);
                    }
                    h.CopyTo(hN, (slot * batch + n) * hidden);
                    c.CopyTo(cN, (slot * batch + n) * hidden);
                }
            }
            layerInput = output;
            width = Directions * hidden;
        }
        return (layerInput, hN, cN);
    }

    /// <summary>One cell step: the new (h, c); c is unused except by LSTM.</summary>
    private (double[] H, double[] C) Step(IReadOnlyDictionary<string, double[]> p, string suffix, double[] x, double[] h,
        double[] c)
    {
        var fromInput = Affine(p["weight_ih" + suffix], bias ? p["bias_ih" + suffix] : null, x);    // (G·H)
        var fromHidden = Affine(p["weight_hh" + suffix], bias ? p["bias_hh" + suffix] : null, h);
        var next = new double[hidden];
        var cell = new double[hidden];
        for (var j = 0; j < hidden; j++)
        {
            double Gate(int q) => fromInput[q * hidden + j] + fromHidden[q * hidden + j];
            switch (kind)
            {
                case "rnn_tanh":
                    next[j] = Math.Tanh(Gate(0));
                    break;
                case "rnn_relu":
                    next[j] = Math.Max(Gate(0), 0);
                    break;
                case "lstm":
                    cell[j] = Sigmoid(Gate(1)) * c[j] + Sigmoid(Gate(0)) * Math.Tanh(Gate(2));
                    next[j] = Sigmoid(Gate(3)) * Math.Tanh(cell[j]);
                    break;
                default:
                    var r = Sigmoid(Gate(0));
                    var z = Sigmoid(Gate(1));
                    var n = Math.Tanh(fromInput[2 * hidden + j] + r * fromHidden[2 * hidden + j]);
                    next[j] = (1 - z) * n + z * h[j];
                    break;
            }
        }
        return (next, cell);
    }

    /// <summary>W·v + b for W (G·H, |v|) row-major.</summary>
    private double[] Affine(double[] w, double[]? b, double[] v)
    {
        var result = new double[Gates * hidden];
        for (var i = 0; i < result.Length; i++)
        {
            var sum = b?[i] ?? 0;
            for (var k = 0; k < v.Length; k++)
            {
                sum += w[i * v.Length + k] * v[k];
            }
            result[i] = sum;
        }
        return result;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
