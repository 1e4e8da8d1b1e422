// How a notebook session runs: its folder, its per-cell time limit and where packages are cached.
using NbEngine.Packages;

namespace NbEngine.Execution;

public sealed class SessionOptions
{
    /// <summary>The notebook's folder: relative <c>#r</c> paths resolve against it.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>A cell running longer is interrupted and fails; null means no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>How long an interrupted cell may take to notice before its thread is abandoned.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(3);

    public PackageRestorer Packages { get; init; } = new(PackageCache.DefaultRoot);
}
