// nn.Embedding: a lookup table turning token ids into learned vectors, initialised from N(0, 1).
namespace Recurrent;

/// <summary>
/// A table of <c>numEmbeddings</c> vectors of size <c>embeddingDim</c>, as PyTorch's <c>nn.Embedding</c>.
/// <see cref="Forward"/> takes whole-number indices of any shape and returns shape + (embeddingDim).
/// </summary>
public sealed class Embedding : Module
{
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

    public int NumEmbeddings { get; }

    public int EmbeddingDim { get; }

    /// <summary>The table, (numEmbeddings, embeddingDim); the live parameter.</summary>
    public Tensor Weight { get; }

    /// <summary>Looks up every index: (…) → (…, embeddingDim).</summary>
    public Tensor Forward(Tensor indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var ids = indices.ToArray();
        var table = Weight.ToArray();
        var result = new float[ids.Length * EmbeddingDim];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            if (id != MathF.Floor(id) || !float.IsFinite(id))
            {
                throw new ArgumentException(
                    $"Embedding indices must be whole numbers, got {id} at flat position {i} of shape {Tensor.ShapeText(indices.Shape)}",
                    nameof(indices));
            }
            if (id < 0 || id >= NumEmbeddings)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), id,
                    $"index {id} is out of range for Embedding({NumEmbeddings}, {EmbeddingDim}): expected 0 <= index < {NumEmbeddings}");
            }
            Array.Copy(table, (int)id * EmbeddingDim, result, i * EmbeddingDim, EmbeddingDim);
        }
        return new Tensor(result, [.. indices.Shape, EmbeddingDim]);
    }

    public override string ToString() => $"Embedding({NumEmbeddings}, {EmbeddingDim})";
}
