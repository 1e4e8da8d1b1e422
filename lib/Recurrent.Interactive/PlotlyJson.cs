// Builds Plotly.NET's dynamic layout objects from plotly.js property names, so the helpers read like plotly.js JSON.
using DynamicObj;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace Recurrent.Interactive;

/// <summary>
/// Plotly.NET's F# builders take dozens of optional arguments that C# must spell out; its objects are dynamic,
/// so the chart helpers set plotly.js properties by name instead (<c>("dtick", 1)</c>, <c>("visible", false)</c>).
/// </summary>
internal static class PlotlyJson
{
    public static Layout Layout(params (string Key, object Value)[] properties) => Set(new Layout(), properties);

    public static Annotation Annotation(params (string Key, object Value)[] properties) => Set(new Annotation(), properties);

    public static Shape Shape(params (string Key, object Value)[] properties) => Set(new Shape(), properties);

    public static Trace Trace(string type, params (string Key, object Value)[] properties) => Set(new Trace(type), properties);

    public static DynamicObj.DynamicObj Object(params (string Key, object Value)[] properties) => Set(new DynamicObj.DynamicObj(), properties);

    private static T Set<T>(T target, (string Key, object Value)[] properties) where T : DynamicObj.DynamicObj
    {
        foreach (var (key, value) in properties)
        {
            target.SetProperty(key, value);
        }
        return target;
    }
}
