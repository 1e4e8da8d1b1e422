// What executing one cell gave: how it ended, its outputs as nbformat stores them, its execution count and time.
using NbEngine.Notebooks;

namespace NbEngine.Execution;

public enum CellStatus
{
    /// <summary>Ran to the end.</summary>
    Ok,

    /// <summary>Threw, did not compile, or used an unsupported kernel; an <see cref="ErrorOutput"/> says why.</summary>
    Failed,

    /// <summary>Ran over <see cref="SessionOptions.CellTimeout"/> and was stopped.</summary>
    TimedOut,

    /// <summary>Stopped through the cancellation token (a kernel's interrupt).</summary>
    Interrupted,
}

public sealed record CellResult(CellStatus Status, IReadOnlyList<CellOutput> Outputs, int ExecutionCount, TimeSpan Elapsed)
{
    public bool Succeeded => Status == CellStatus.Ok;
}
