// What a page looked like in the browser: console errors, outside requests, charts, math, text, links, overflow.
namespace NbExport.Tests;

internal sealed record RenderedPage(
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> OutsideRequests,
    int Charts,
    int DrawnCharts,
    int Equations,
    int RenderedEquations,
    int DisplayEquations,
    IReadOnlyList<string> TexSources,
    string Text,
    IReadOnlyList<string> ContentsLinks,
    IReadOnlyList<string> WiderThanColumn,
    IReadOnlyList<string> LegendsOutsideTheirChart);
