// How a whole notebook is run: the per-cell time limit and the package cache.
using NbEngine.Packages;

namespace NbEngine.Running;

public sealed class RunOptions
{
    /// <summary>Per-cell limit; a cell over it fails and the notebook goes on with the next cell.</summary>
    public TimeSpan? CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public PackageRestorer Packages { get; init; } = new(PackageCache.DefaultRoot);
}
