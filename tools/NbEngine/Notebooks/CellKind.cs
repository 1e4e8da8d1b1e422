// The nbformat cell types.
namespace NbEngine.Notebooks;

/// <summary>nbformat's <c>cell_type</c>.</summary>
public enum CellKind
{
    Code,
    Markdown,
    Raw,
}
