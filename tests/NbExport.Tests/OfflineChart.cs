// Opens one chart file an exported app wrote in headless Chromium with no network, and reports what it drew.
using Microsoft.Playwright;

namespace NbExport.Tests;

internal sealed record DrawnChart(IReadOnlyList<string> Errors, IReadOnlyList<string> OutsideRequests, int Traces);

internal static class OfflineChart
{
    /// <summary>Requests that leave file:// are recorded and aborted, so a chart that needs a CDN draws nothing.</summary>
    public static async Task<DrawnChart> RenderAsync(string file)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Args = Chromium.Args });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        var outside = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            outside.Add(route.Request.Url);
            await route.AbortAsync();
        });
        await page.GotoAsync(new Uri(file).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        try
        {
            await page.WaitForFunctionAsync("() => document.querySelector('svg.main-svg .trace')", null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // Traces stays 0 below.
        }
        var traces = await page.EvaluateAsync<int>("() => document.querySelectorAll('svg.main-svg .scatterlayer .trace').length");
        return new DrawnChart(errors, outside, traces);
    }
}
