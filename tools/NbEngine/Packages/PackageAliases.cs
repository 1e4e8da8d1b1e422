// Packages the mirror cannot provide and what the engine restores instead (Plotly.NET.Interactive → Plotly.NET).
namespace NbEngine.Packages;

/// <summary>
/// Plotly.NET.Interactive is a .NET Interactive kernel extension and depends on Microsoft.DotNet.Interactive,
/// which is not restorable here. A cell asking for it gets Plotly.NET of the same version plus the engine's own
/// chart formatter (<see cref="Formatting.PlotlyChartFormatter"/>).
/// </summary>
internal static class PackageAliases
{
    public const string PlotlyInteractive = "Plotly.NET.Interactive";

    public static PackageReference Substitute(PackageReference requested) =>
        string.Equals(requested.Id, PlotlyInteractive, StringComparison.OrdinalIgnoreCase)
            ? new PackageReference("Plotly.NET", requested.Version)
            : requested;

    public static bool IsKernelExtension(PackageReference requested) =>
        string.Equals(requested.Id, PlotlyInteractive, StringComparison.OrdinalIgnoreCase);
}
