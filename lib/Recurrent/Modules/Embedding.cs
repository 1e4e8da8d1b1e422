// nn.Embedding: a lookup table turning token ids into learned vectors, initialised from N(0, 1).
using Recurrent.Autograd;

namespace Recurrent;

/// <summary>
/// A table of <c>numEmbeddings</c> vectors of size <c>embeddingDim</c>, as PyTorch's <c>nn.Embedding</c>.
/// <see cref="Forward"/> takes indices of any shape (an Int64 tensor, or a Float32 one holding whole numbers) and
/// returns shape + (embeddingDim); the weight's gradient adds up the output gradients of every position that looked a
/// row up (EmbeddingBackward0), so a repeated index accumulates.
/// </summary>
public sealed class Embedding : Module
{
    /// <summary>A table of <paramref name="numEmbeddings"/> rows of size <paramref name="embeddingDim"/>, drawn from N(0, 1) by the global generator as PyTorch draws them.</summary>
    public Embedding(int numEmbeddings, int embeddingDim)
        : base(nameof(Embedding))
    {
        if (numEmbeddings <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numEmbeddings), numEmbeddings,
                $"num_embeddings must be greater than zero, got {numEmbeddings}");
        }
        if (embeddingDim <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(embeddingDim), embeddingDim,
                $"embedding_dim must be greater than zero, got {embeddingDim}");
        }
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        Weight = ParameterSet.Add("weight", numEmbeddings, embeddingDim);   // (num, dim)
        Torch.FillNormal(Weight, 0, 1);
    }

    /// <summary>num_embeddings: how many ids the table holds (valid ids are 0 to NumEmbeddings − 1).</summary>
    public int NumEmbeddings { get; }

    /// <summary>embedding_dim: the size of each vector.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The table, (numEmbeddings, embeddingDim); the live parameter.</summary>
    public Tensor Weight { get; }

    /// <summary>Looks up every index: (…) → (…, embeddingDim).</summary>
    public Tensor Forward(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var ids = indices.ToIndices(nameof(Embedding), nameof(indices));
        foreach (var id in ids)
        {
            if (id < 0 || id >= NumEmbeddings)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), id,
                    $"index {id} is out of range for Embedding({NumEmbeddings}, {EmbeddingDim}): expected 0 <= index < {NumEmbeddings}");
            }
        }
        var table = Weight.ContiguousStorage();
        var result = new float[ids.Length * EmbeddingDim];
        for (var i = 0; i < ids.Length; i++)
        {
            table.Slice(ids[i] * EmbeddingDim, EmbeddingDim).CopyTo(result.AsSpan(i * EmbeddingDim));
        }
        var output = new Tensor(result, [.. indices.Shape, EmbeddingDim]);
        return Tensor.Records(Weight) ? output.AttachGradFn(new EmbeddingBackward(Weight, ids)) : output;
    }

    /// <summary>PyTorch's repr: <c>Embedding(10, 4)</c>.</summary>
    public override string ToString() => $"Embedding({NumEmbeddings}, {EmbeddingDim})";
}
