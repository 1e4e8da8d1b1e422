// torch.multinomial: indices drawn from categorical distributions, with PyTorch's two CPU algorithms and its draws.
using Recurrent.Random;

namespace Recurrent;

public static partial class Torch
{
    /// <summary>
    /// torch.multinomial(input, num_samples, replacement=False): for each row of <paramref name="input"/> ((C) or
    /// (N, C) non-negative weights, not necessarily summing to 1), <paramref name="numSamples"/> category indices
    /// drawn with probability proportional to the weights, as an Int64 tensor of shape (numSamples) or
    /// (N, numSamples). Without replacement an index appears at most once per row.
    /// <para>
    /// The draws come from the default generator (<see cref="ManualSeed"/>), with PyTorch's CPU algorithms, so a
    /// seeded program draws the same indices as PyTorch's: without replacement, or for a single sample, every weight
    /// is divided by an Exp(1) draw (−log1p(−u), one per element, row-major) and the largest quotient wins (the
    /// <paramref name="numSamples"/> largest, in descending order; only zero weights tie in practice, and PyTorch's
    /// top-k leaves their order open, here the lower index comes first); with replacement and
    /// more than one sample, each sample is one uniform draw looked up in the row's normalised cumulative sums.
    /// </para>
    /// </summary>
    public static Tensor Multinomial(Tensor input, int numSamples, bool replacement = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var categories = CheckMultinomial(input, numSamples, replacement);
        var rows = input.Dim == 1 ? 1 : input.Size(0);
        var result = new float[checked(rows * numSamples)];
        var weights = input.RowMajor();
        if (result.Length > 0)
        {
            lock (Gate)
            {
                if (!replacement || numSamples == 1)
                {
                    SampleByExponentials(weights, categories, numSamples, result);
                }
                else
                {
                    SampleByCumulativeSums(weights, categories, numSamples, result);
                }
            }
        }
        return new Tensor(result, input.Dim == 1 ? [numSamples] : [rows, numSamples], DType.Int64);
    }

    /// <summary>PyTorch's argument checks, in its order and words; returns the number of categories.</summary>
    private static int CheckMultinomial(Tensor input, int numSamples, bool replacement)
    {
        if (input.Dim is not (1 or 2))
        {
            throw new ArgumentException($"prob_dist must be 1 or 2 dim, got {input.Dim} dimensions", nameof(input));
        }
        if (input.DType != DType.Float32)
        {
            throw new ArgumentException("multinomial only supports floating-point dtypes for input, got: Long", nameof(input));
        }
        if (numSamples <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numSamples), numSamples, "cannot sample n_sample <= 0 samples");
        }
        var categories = input.Size(-1);
        if (!replacement && numSamples > categories)
        {
            throw new ArgumentOutOfRangeException(nameof(numSamples), numSamples,
                $"cannot sample n_sample > prob_dist.size(-1) samples without replacement (n_sample {numSamples}, size(-1) {categories})");
        }
        if (categories > 1 << 24)
        {
            throw new ArgumentException($"number of categories cannot exceed 2^24, got {categories}", nameof(input));
        }
        return categories;
    }

    /// <summary>
    /// The exponential trick: argmax (or top-k) of pᵢ / qᵢ with qᵢ ~ Exp(1) draws a category with probability pᵢ / Σp,
    /// and top-k of them draws k without replacement. Every row is checked before any draw, as PyTorch does.
    /// </summary>
    private static void SampleByExponentials(ReadOnlySpan<float> weights, int categories, int numSamples, float[] result)
    {
        for (var start = 0; start < weights.Length; start += categories)
        {
            var sum = 0.0;
            foreach (var p in weights.Slice(start, categories))
            {
                if (!(p >= 0 && p < float.PositiveInfinity))
                {
                    throw new ArgumentException("probability tensor contains either `inf`, `nan` or element < 0", "input");
                }
                sum += p;
            }
            if (sum == 0)
            {
                throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)", "input");
            }
        }
        var keys = new float[weights.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (float)Generator.Default.Exponential(1);     // exponential_ fills a float tensor
        }
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = weights[i] / keys[i];
        }
        for (var row = 0; row * categories < keys.Length; row++)
        {
            var offset = row * categories;
            var largest = Enumerable.Range(0, categories).OrderByDescending(c => keys[offset + c]).Take(numSamples);   // stable
            var s = row * numSamples;
            foreach (var category in largest)
            {
                result[s++] = category;
            }
        }
    }

    /// <summary>
    /// PyTorch's with-replacement kernel: the row's running sums in float32, divided by the total; each sample is a
    /// uniform double looked up by binary search for the first cumulative value not below it.
    /// </summary>
    private static void SampleByCumulativeSums(ReadOnlySpan<float> weights, int categories, int numSamples, float[] result)
    {
        var cumulative = new float[categories];
        for (var row = 0; row * categories < weights.Length; row++)
        {
            var sum = 0f;
            for (var c = 0; c < categories; c++)
            {
                var p = weights[row * categories + c];
                if (!(p >= 0))
                {
                    throw new ArgumentException("invalid multinomial distribution (encountering probability entry < 0)", "input");
                }
                if (!float.IsFinite(p))
                {
                    throw new ArgumentException("invalid multinomial distribution (encountering probability entry = infinity or NaN)", "input");
                }
                sum += p;
                cumulative[c] = sum;
            }
            if (!(sum > 0))
            {
                throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)", "input");
            }
            for (var c = 0; c < categories; c++)
            {
                cumulative[c] /= sum;
            }
            cumulative[^1] = 1;
            for (var s = 0; s < numSamples; s++)
            {
                var u = Generator.Default.UniformDouble();
                var (left, right) = (0, categories);
                while (right > left)
                {
                    var mid = left + (right - left) / 2;
                    if (cumulative[mid] < u)
                    {
                        left = mid + 1;
                    }
                    else
                    {
                        right = mid;
                    }
                }
                result[row * numSamples + s] = left;
            }
        }
    }
}
