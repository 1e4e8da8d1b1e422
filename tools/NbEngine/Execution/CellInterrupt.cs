// The check injected into every loop of cell code, so a running cell can be interrupted and its state kept.
using System.ComponentModel;

namespace NbEngine.Execution;

/// <summary>Called by code the engine injects into loops; not meant to be called by notebooks.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellInterrupt
{
    /// <summary>The injected statement, fully qualified so no notebook name can shadow it.</summary>
    internal const string Statement = "global::NbEngine.Execution.CellInterrupt.Check();";

    /// <summary>Throws <see cref="OperationCanceledException"/> when the current cell was interrupted or timed out.</summary>
    public static void Check()
    {
        if (CellContext.Current is { Interrupt.IsCancellationRequested: true } cell)
        {
            throw new OperationCanceledException("The cell was interrupted.", cell.Interrupt);
        }
    }
}
