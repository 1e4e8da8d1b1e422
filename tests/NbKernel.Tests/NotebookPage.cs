// What one notebook looked like in Jupyter Notebook after Run All on this kernel: outputs, charts, text, browser errors.
namespace NbKernel.Tests;

/// <param name="Errors">The error outputs of the run (ename: first line of evalue).</param>
/// <param name="Charts">Outputs that carry a Plotly figure.</param>
/// <param name="DrawnCharts">Of those, the ones whose output area holds plotly.js's <c>svg.main-svg</c>.</param>
/// <param name="Text">What the page shows, whitespace runs collapsed.</param>
/// <param name="ConsoleErrors">The browser's console errors and page errors.</param>
/// <param name="OutsideRequests">Requests for anything not on 127.0.0.1 (aborted).</param>
/// <param name="Seconds">From opening the page to the last chart drawn.</param>
internal sealed record NotebookPage(
    IReadOnlyList<string> Errors,
    int Charts,
    int DrawnCharts,
    string Text,
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> OutsideRequests,
    double Seconds);
