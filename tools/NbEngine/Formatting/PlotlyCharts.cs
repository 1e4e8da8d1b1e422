// Turns the Plotly chart formatter on for every Plotly.NET the process loads, in whichever load context.
using System.Reflection;

namespace NbEngine.Formatting;

/// <summary>
/// Each notebook session loads its own copy of Plotly.NET (Roslyn scripting gives each script chain its own
/// load context), so the formatter is registered for each copy as it is loaded, once any notebook has asked for
/// Plotly.NET.Interactive.
/// </summary>
internal static class PlotlyCharts
{
    private static readonly object Gate = new();
    private static readonly HashSet<Assembly> Registered = [];
    private static bool _enabled;

    /// <summary>The Plotly.NET assembly whose chart formatter was registered last, if any.</summary>
    public static Assembly? LastRegistered { get; private set; }

    public static void Enable()
    {
        lock (Gate)
        {
            if (!_enabled)
            {
                _enabled = true;
                AppDomain.CurrentDomain.AssemblyLoad += (_, e) => RegisterIfPlotly(e.LoadedAssembly);
            }
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            RegisterIfPlotly(assembly);
        }
    }

    private static void RegisterIfPlotly(Assembly assembly)
    {
        if (assembly.GetName().Name != PlotlyChartFormatter.AssemblyName)
        {
            return;
        }
        lock (Gate)
        {
            if (Registered.Add(assembly))
            {
                PlotlyChartFormatter.Register(assembly);
                LastRegistered = assembly;
            }
        }
    }
}
