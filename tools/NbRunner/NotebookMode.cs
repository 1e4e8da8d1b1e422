// The three things the runner can do with a notebook.
namespace NbRunner;

internal enum NotebookMode
{
    /// <summary>Execute and compare new outputs with the stored ones.</summary>
    Verify,

    /// <summary>Execute and write the new outputs back.</summary>
    Update,

    /// <summary>Execute only; fail on errors.</summary>
    Run,
}
