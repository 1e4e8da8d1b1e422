// The course exported with `nbrunner export html` once, every page opened in headless Chromium, and one screenshot.
using Microsoft.Playwright;
using NbEngine.Notebooks;

namespace NbExport.Tests;

/// <summary>
/// Exports the course notebooks into a temp folder through the command line, then opens every page from its
/// file:// URL in Debian's Chromium (driven by Playwright; no browser is downloaded) and records what the page
/// showed. The screenshot of the vanilla RNN page goes into the same temp folder, never into the repository.
/// </summary>
public sealed class RenderedSite : IAsyncLifetime
{
    private readonly Dictionary<string, RenderedPage> _pages = new(StringComparer.Ordinal);

    public string Folder { get; } = Directory.CreateTempSubdirectory("nbexport-site-").FullName;

    public string Screenshot => Path.Combine(Folder, "vanilla-rnn.png");

    public int ExitCode { get; private set; }

    public string ExportOutput { get; private set; } = "";

    internal RenderedPage Page(string fileName) =>
        _pages.TryGetValue(fileName, out var page) ? page : throw new KeyNotFoundException($"expected a page {fileName}, got {string.Join(", ", _pages.Keys)}");

    public static string PageOf(Notebook notebook) => NotebookTitle.Slug(notebook) + ".html";

    public async Task InitializeAsync()
    {
        Chromium.EnsureInstalled();
        var output = new StringWriter();
        ExitCode = await NbRunner.Cli.RunAsync(["export", "html", Course.NotebooksFolder, "--out", Folder], output, output);
        ExportOutput = output.ToString();
        if (ExitCode != 0)
        {
            return;
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Args = Chromium.Args });
        foreach (var file in Directory.GetFiles(Folder, "*.html").Order(StringComparer.Ordinal))
        {
            _pages[Path.GetFileName(file)] = await RenderAsync(browser, file);
        }
        await ScreenshotAsync(browser, Path.Combine(Folder, "02-vanilla-rnn.html"), Screenshot);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>What plotly.js leaves in a chart it has drawn: a trace group (lines, bars), or a heatmap's image.</summary>
    private const string Drawn = "svg.main-svg .trace, svg.main-svg .hm image";

    private static async Task<RenderedPage> RenderAsync(IBrowser browser, string file)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } });
        var errors = new List<string>();
        var outside = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(request.Url); };
        await page.GotoAsync(new Uri(file).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        // Unfold every worked solution, as a reader who clicks "Solution" does: its text and charts are checked too.
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        try
        {
            await page.WaitForFunctionAsync(
                $"() => [...document.querySelectorAll('.output.chart')].every(c => c.querySelector('{Drawn}'))",
                null, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // The counts below show which charts were not drawn.
        }
        var rendered = new RenderedPage(
            errors,
            outside,
            await page.EvaluateAsync<int>("() => document.querySelectorAll('.output.chart').length"),
            await page.EvaluateAsync<int>($"() => [...document.querySelectorAll('.output.chart')].filter(c => c.querySelector('{Drawn}')).length"),
            await page.EvaluateAsync<int>("() => document.querySelectorAll('.math').length"),
            await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.math')].filter(m => m.querySelector('.katex') && !m.querySelector('.katex-error')).length"),
            await page.EvaluateAsync<int>("() => document.querySelectorAll('.math .katex-display').length"),
            await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.math annotation')].map(a => a.textContent)"),
            await page.EvaluateAsync<string>("() => document.body.innerText"),
            await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('ol.contents > li > a:first-child')].map(a => a.getAttribute('href'))"),
            await page.EvaluateAsync<string[]>(WiderThanColumn),
            await page.EvaluateAsync<string[]>(LegendsOutside));
        await page.CloseAsync();
        return rendered;
    }

    /// <summary>
    /// Elements whose visible part sticks out of main's content box (its 920 px column less padding), except inside
    /// an element that scrolls horizontally: a wall of numbers may scroll, nothing may be cut off by the column. What
    /// an ancestor clips (overflow hidden, as KaTeX does with its stretchy braces and its one-pixel MathML copy for
    /// screen readers) is not visible and does not count.
    /// </summary>
    private const string WiderThanColumn = """
        () => {
            const main = document.querySelector('main');
            const box = main.getBoundingClientRect();
            const style = getComputedStyle(main);
            const left = box.left + parseFloat(style.paddingLeft) - 0.5, right = box.right - parseFloat(style.paddingRight) + 0.5;
            const visible = e => { let { left: l, right: r } = e.getBoundingClientRect();
                for (let p = e.parentElement; p && p !== main; p = p.parentElement) {
                    const overflow = getComputedStyle(p).overflowX;
                    if (['auto', 'scroll'].includes(overflow)) return null;
                    if (['hidden', 'clip'].includes(overflow)) { const c = p.getBoundingClientRect(); l = Math.max(l, c.left); r = Math.min(r, c.right); }
                }
                return r > l ? { l, r } : null; };
            return [...main.querySelectorAll('*')].filter(e => { const v = visible(e);
                return v !== null && (v.l < left || v.r > right); })
                .map(e => `${e.tagName.toLowerCase()}.${e.className.baseVal ?? e.className} ${Math.round(e.getBoundingClientRect().width)}px`);
        }
        """;

    /// <summary>Charts whose legend is not wholly inside the chart's own drawing.</summary>
    private const string LegendsOutside = """
        () => [...document.querySelectorAll('.output.chart')].filter(c => {
            const svg = c.querySelector('svg.main-svg'), legend = c.querySelector('g.legend');
            if (!svg || !legend) return false;
            const s = svg.getBoundingClientRect(), l = legend.getBoundingClientRect();
            return l.left < s.left - 0.5 || l.right > s.right + 0.5 || l.top < s.top - 0.5 || l.bottom > s.bottom + 0.5;
        }).map(c => c.querySelector('.gtitle')?.textContent ?? '(untitled chart)')
        """;

    /// <summary>The chart section of the vanilla RNN page, as the README shows it.</summary>
    private static async Task ScreenshotAsync(IBrowser browser, string file, string png)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 1100 } });
        await page.GotoAsync(new Uri(file).AbsoluteUri + "#both-hidden-units-over-time", new() { WaitUntil = WaitUntilState.Load });
        await page.ScreenshotAsync(new() { Path = png });
        await page.CloseAsync();
    }
}
