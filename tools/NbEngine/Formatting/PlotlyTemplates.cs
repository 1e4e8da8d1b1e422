// Serialises each Plotly chart template once, not once per chart: the default template is most of a chart's cost.
using System.Reflection;
using System.Runtime.Loader;

namespace NbEngine.Formatting;

/// <summary>
/// Plotly.NET writes a chart's layout template (by default plotly's own: 8.5 KB of JSON over hundreds of nested
/// objects) into every chart it renders, and serialising it took about 0.1 s a chart whatever the chart held (a
/// training loop that redraws its loss chart paid that per redraw). Here a chart renders with a placeholder where
/// its template goes, and the template's JSON, serialised with the same settings Plotly.NET uses, takes the
/// placeholder's place: the same HTML. The JSON is kept by the template's structural hash (DynamicObj hashes every
/// property, nested objects included), not by the object: Plotly.NET copies the template into each combined chart, so
/// a training loop's charts bring a new but equal template every time, and a template changed in place hashes
/// differently and is serialised again. The last <see cref="Kept"/> templates are kept.
/// Bound by reflection, as <see cref="PlotlyChartFormatter"/> is; a Plotly.NET without these members renders as is.
/// </summary>
internal sealed class PlotlyTemplates
{
    private static readonly string Placeholder = $"nbengine-template-{Guid.NewGuid():N}";
    private static readonly object Gate = new();

    private const int Kept = 8;

    private readonly List<(int Hash, string Json)> _serialised = [];   // the most recently used first
    private readonly MethodInfo _getLayout;
    private readonly MethodInfo _tryGetProperty;
    private readonly PropertyInfo _optionValue;
    private readonly MethodInfo _setProperty;
    private readonly Func<object, string> _toJson;

    private PlotlyTemplates(
        MethodInfo getLayout, MethodInfo tryGetProperty, PropertyInfo optionValue, MethodInfo setProperty, Func<object, string> toJson) =>
        (_getLayout, _tryGetProperty, _optionValue, _setProperty, _toJson) = (getLayout, tryGetProperty, optionValue, setProperty, toJson);

    /// <summary>The template cache for this Plotly.NET, or null when it lacks a member the cache needs.</summary>
    public static PlotlyTemplates? For(Assembly plotly, Type chartType)
    {
        var getLayout = chartType.GetMethod("getLayout", BindingFlags.Public | BindingFlags.Static);
        var layoutType = getLayout?.ReturnType;
        var tryGetProperty = layoutType?.GetMethod("TryGetPropertyValue", [typeof(string)]);
        var optionValue = tryGetProperty?.ReturnType.GetProperty("Value");             // F# option: null for None
        var setProperty = layoutType?.GetMethod("SetProperty", [typeof(string), typeof(object)]);
        var settings = plotly.GetType("Globals")?.GetProperty("JSON_CONFIG")?.GetValue(null);
        var newtonsoft = plotly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "Newtonsoft.Json") is { } name
            ? (AssemblyLoadContext.GetLoadContext(plotly) ?? AssemblyLoadContext.Default).LoadFromAssemblyName(name)
            : null;
        var serialize = settings is null ? null : newtonsoft?.GetType("Newtonsoft.Json.JsonConvert")
            ?.GetMethod("SerializeObject", [typeof(object), settings.GetType()]);
        if (getLayout is null || tryGetProperty is null || optionValue is null || setProperty is null || serialize is null)
        {
            return null;
        }
        return new PlotlyTemplates(getLayout, tryGetProperty, optionValue, setProperty, value => (string)serialize.Invoke(null, [value, settings])!);
    }

    /// <summary>What <paramref name="render"/> writes for <paramref name="chart"/>, its template serialised once.</summary>
    public string Render(object chart, Func<object, string> render)
    {
        var layout = _getLayout.Invoke(null, [chart])!;
        if (_tryGetProperty.Invoke(layout, ["template"]) is not { } some || _optionValue.GetValue(some) is not { } template)
        {
            return render(chart);
        }
        var json = Json(template);
        string html;
        lock (Gate)                                  // the layout holds the placeholder while the chart renders
        {
            _setProperty.Invoke(layout, ["template", Placeholder]);
            try
            {
                html = render(chart);
            }
            finally
            {
                _setProperty.Invoke(layout, ["template", template]);
            }
        }
        return html.Replace($"\"{Placeholder}\"", json, StringComparison.Ordinal);
    }

    private string Json(object template)
    {
        var hash = template.GetHashCode();
        lock (_serialised)
        {
            var index = _serialised.FindIndex(s => s.Hash == hash);
            var entry = index >= 0 ? _serialised[index] : (Hash: hash, Json: _toJson(template));
            if (index != 0)
            {
                if (index > 0)
                {
                    _serialised.RemoveAt(index);
                }
                _serialised.Insert(0, entry);
                if (_serialised.Count > Kept)
                {
                    _serialised.RemoveAt(Kept);
                }
            }
            return entry.Json;
        }
    }
}
