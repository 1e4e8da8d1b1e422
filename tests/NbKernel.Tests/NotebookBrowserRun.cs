// Every course notebook opened in Jupyter Notebook 6 in headless Chromium, switched to this kernel and run with Run All.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NbKernel.Tests;

/// <summary>
/// Drives the real front-end as a reader would: open the notebook (its Polyglot kernelspec is not installed, so
/// Jupyter asks for a kernel), pick <c>C# (Rnn.Notebooks)</c>, Cell → Run All, wait for the kernel to go idle and
/// every chart to be drawn, then record the page. Every request that would leave 127.0.0.1 is aborted and
/// recorded. At the end a new cell gets <c>Torch.</c> and Tab, and the completer's list is kept. A screenshot of
/// the vanilla RNN notebook's chart cell goes to <c>artifacts/jupyter-notebook/</c> (CI uploads it).
/// </summary>
public sealed partial class NotebookBrowserRun : IAsyncLifetime
{
    public const string ScreenshotNotebook = "02-Vanilla RNN.ipynb";

    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    private readonly JupyterHome _home = new();
    private readonly Dictionary<string, NotebookPage> _pages = new(StringComparer.Ordinal);
    private NotebookServer? _server;

    public static IReadOnlyList<string> Notebooks { get; } =
        [.. Directory.GetFiles(RepositoryRoot.File("notebooks"), "*.ipynb").Order(StringComparer.Ordinal)];

    public static string Screenshot { get; } = RepositoryRoot.File("artifacts", "jupyter-notebook", "02-vanilla-rnn.png");

    /// <summary>The completer's entries after typing <c>Torch.</c> and Tab.</summary>
    public IReadOnlyList<string> Completions { get; private set; } = [];

    public string ServerLog => _server?.Log ?? "";

    internal NotebookPage Page(string notebook) =>
        _pages.TryGetValue(notebook, out var page) ? page : throw new KeyNotFoundException($"expected a run of {notebook}, got {string.Join(", ", _pages.Keys)}\n{ServerLog}");

    public async Task InitializeAsync()
    {
        Chromium.EnsureInstalled();
        _server = new NotebookServer(_home, Notebooks);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Args = Chromium.Args });
        foreach (var notebook in Notebooks.Select(Path.GetFileName))
        {
            var last = notebook == Path.GetFileName(Notebooks[^1]);
            _pages[notebook!] = await RunAsync(browser, _server, notebook!, last);
        }
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        _home.Dispose();
        return Task.CompletedTask;
    }

    private async Task<NotebookPage> RunAsync(IBrowser browser, NotebookServer server, string notebook, bool complete)
    {
        var clock = Stopwatch.StartNew();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var errors = new List<string>();
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host == "127.0.0.1")
            {
                await route.ContinueAsync();
            }
            else
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        // Two cores shared with the rest of the suite: loading Jupyter's scripts alone can take tens of seconds.
        page.SetDefaultTimeout((float)RunLimit.TotalMilliseconds);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} for {response.Url}"); };
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url} ({request.Failure})");
        await page.GotoAsync(server.Url(notebook), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        // The notebooks name Polyglot's kernelspec, which this server does not have: Jupyter asks which kernel to use.
        await page.Locator(".modal-dialog select").SelectOptionAsync(new SelectOptionValue { Label = "C# (Rnn.Notebooks)" });
        await page.Locator(".modal-footer button", new() { HasText = "Set Kernel" }).ClickAsync();
        try
        {
            await page.WaitForFunctionAsync("() => Jupyter.notebook.kernel && Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.implementation === 'nbkernel'",
                null, new() { Timeout = (float)RunLimit.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{notebook}: the kernel never answered kernel_info; page errors: {string.Join(" | ", errors)}\nserver log:\n{server.Log}", e);
        }
        await page.Locator("#celllink").ClickAsync();
        await page.Locator("#run_all_cells").ClickAsync();
        await page.WaitForFunctionAsync("""
            () => document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null
               && Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || (typeof c.input_prompt_number === 'number'))
            """, null, new() { Timeout = (float)RunLimit.TotalMilliseconds, PollingInterval = 250 });
        try
        {
            await page.WaitForFunctionAsync($"() => {Charts}.every(c => !c.chart || c.drawn)", null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            // The counts below say which charts were not drawn.
        }
        var charts = await page.EvaluateAsync<ChartState[]>($"() => {Charts}");
        var seconds = clock.Elapsed.TotalSeconds;
        var result = new NotebookPage(
            await page.EvaluateAsync<string[]>("""
                () => Jupyter.notebook.get_cells().filter(c => c.output_area).flatMap(c => c.output_area.outputs)
                    .filter(o => o.output_type === 'error').map(o => o.ename + ': ' + String(o.evalue).split('\n')[0])
                """),
            charts.Count(c => c.Chart),
            charts.Count(c => c.Chart && c.Drawn),
            Spaces().Replace(await page.InnerTextAsync("#notebook-container"), " "),
            WithoutFrontEndNoise(errors),
            outside,
            seconds);
        if (notebook == ScreenshotNotebook)
        {
            await ScreenshotAsync(page);
        }
        if (complete)
        {
            Completions = await CompleteAsync(page);
        }
        // Ends the kernel now rather than when the server stops.
        await page.EvaluateAsync("() => new Promise(done => Jupyter.notebook.session.delete(done, done))");
        return result;
    }

    /// <summary>
    /// The errors less two that Jupyter Notebook's own page logs before or beside anything this kernel does, so they
    /// say nothing about it; every other error still fails the test. (1) The failed fetch of a CodeMirror mode named
    /// after the notebook's <c>language_info.name</c>, <c>polyglot-notebook</c> (what VS Code writes, kept so the files
    /// stay Polyglot's): the page asks for it before the kernel's <c>text/x-csharp</c> replaces it, and logs the 404
    /// three ways. (2) On pages with formulas, the notebook's MathJax asks for a web font at <c>about:blank</c> (a
    /// font it has no file for), which Chromium refuses and logs three ways.
    /// </summary>
    private static List<string> WithoutFrontEndNoise(List<string> errors)
    {
        const string mode = "/codemirror/mode/polyglot-notebook/polyglot-notebook.js";
        const string blankFont = "Access to font at 'about:blank'";
        const string blankRequest = "request failed: about:blank ";
        var other404s = errors.Count(e => e.StartsWith("404 for ", StringComparison.Ordinal) && !e.Contains(mode, StringComparison.Ordinal));
        // Each refused font also logs one generic "Failed to load resource": leave out as many of those as there were.
        var blankFailures = errors.Count(e => e.StartsWith(blankFont, StringComparison.Ordinal) || e.StartsWith(blankRequest, StringComparison.Ordinal));
        var kept = new List<string>();
        foreach (var e in errors)
        {
            if (e.Contains(mode, StringComparison.Ordinal)
                || (other404s == 0 && e == "Failed to load resource: the server responded with a status of 404 (Not Found)")
                || e.StartsWith(blankFont, StringComparison.Ordinal) || e.StartsWith(blankRequest, StringComparison.Ordinal))
            {
                continue;
            }
            if (blankFailures > 0 && e.StartsWith("Failed to load resource: net::ERR_FAILED", StringComparison.Ordinal))
            {
                blankFailures--;
                continue;
            }
            kept.Add(e);
        }
        return kept;
    }

    /// <summary>For every output in order: whether it carries a Plotly figure, and whether plotly.js drew an SVG in its area.</summary>
    private const string Charts = """
        Jupyter.notebook.get_cells().filter(c => c.output_area).flatMap(c => {
            const areas = c.output_area.element.children('.output_area').toArray();
            return c.output_area.outputs.map((o, i) => ({
                chart: !!(o.data && o.data['application/vnd.plotly.v1+json']),
                drawn: !!(areas[i] && areas[i].querySelector('svg.main-svg')),
            }));
        })
        """;

    private static async Task ScreenshotAsync(IPage page)
    {
        var cell = page.Locator(".cell", new() { Has = page.Locator("svg.main-svg") }).First;
        await cell.ScrollIntoViewIfNeededAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);
        await cell.ScreenshotAsync(new() { Path = Screenshot });
    }

    /// <summary>A new cell at the bottom, <c>Torch.</c> typed into it, Tab: the completer's options.</summary>
    private static async Task<IReadOnlyList<string>> CompleteAsync(IPage page)
    {
        await page.EvaluateAsync("() => { const cell = Jupyter.notebook.insert_cell_at_bottom('code'); Jupyter.notebook.select(Jupyter.notebook.find_cell_index(cell)); }");
        var editor = page.Locator(".cell.code_cell").Last.Locator(".CodeMirror");
        await editor.ScrollIntoViewIfNeededAsync();
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Torch.");
        await page.Keyboard.PressAsync("Tab");
        try
        {
            await page.WaitForSelectorAsync("#complete select option", new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            return [];
        }
        return await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#complete select option')].map(o => o.textContent)");
    }

    /// <summary>One output as <see cref="Charts"/> describes it (Playwright fills it by property name).</summary>
    private sealed class ChartState
    {
        public bool Chart { get; set; }

        public bool Drawn { get; set; }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
