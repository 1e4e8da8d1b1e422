// One notebook's kernel: a Roslyn script state that cells run on in order, with outputs streamed as they happen.
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NbEngine.Formatting;
using NbEngine.Notebooks;

namespace NbEngine.Execution;

/// <summary>
/// Runs cells with the Polyglot C# kernel's semantics: variables, usings and types carry over; a failing cell
/// leaves the state of the cells before it (and what it assigned before throwing) for the next. Front-ends call
/// <see cref="ExecuteAsync"/> per cell and receive each output through the callback as it is produced (the
/// returned <see cref="CellResult"/> holds them as nbformat stores them). Cancelling the token interrupts the
/// running cell; cells run one at a time.
/// </summary>
public sealed class NotebookSession : IDisposable
{
    private readonly SemaphoreSlim _oneCellAtATime = new(1, 1);
    private readonly SessionReferences _references;
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;

    /// <summary>The references some submission of <see cref="_state"/>'s chain already passed to the compiler.</summary>
    private ImmutableHashSet<MetadataReference> _chained = ImmutableHashSet<MetadataReference>.Empty;

    public NotebookSession(SessionOptions options)
    {
        Options = options;
        _references = new SessionReferences(options);
        _scriptOptions = ScriptEnvironment.InitialOptions(options.WorkingDirectory);
        ValueFormatter.EnsureConfigured();
        ConsoleRouter.EnsureInstalled();
    }

    public SessionOptions Options { get; }

    /// <summary>Cells executed so far that stored history; the next such cell gets this plus one.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The execution count a cell run with <paramref name="options"/> now would get.</summary>
    public int NextExecutionCount(CellOptions options) => options.StoreHistory ? ExecutionCount + 1 : ExecutionCount;

    /// <summary>
    /// Executes one cell in the given kernel language (<see cref="CellLanguage"/>): C# (with #r / #i
    /// directives), HTML (displayed as is) or markdown (nothing to run); any other language fails the cell with
    /// "unsupported kernel: name". <paramref name="options"/> (by default <see cref="CellOptions.Default"/>) say
    /// whether the cell advances the execution count and what answers its console input.
    /// </summary>
    public async Task<CellResult> ExecuteAsync(
        string source, string language = CellLanguage.CSharp, Action<CellOutput>? onOutput = null, CellOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= CellOptions.Default;
        await _oneCellAtATime.WaitAsync(cancellationToken);
        try
        {
            var count = ExecutionCount = NextExecutionCount(options);
            var clock = Stopwatch.StartNew();
            var outputs = new OutputCollector(onOutput);
            var status = language switch
            {
                CellLanguage.CSharp => await RunCSharpAsync(source, outputs, options.ReadLine, cancellationToken),
                CellLanguage.Html => Show(outputs, HtmlCell(StripMagic(source))),
                CellLanguage.Markdown => CellStatus.Ok,
                _ => Fail(outputs, $"unsupported kernel: {language}"),
            };
            return new CellResult(status, outputs.Finish(), count, clock.Elapsed);
        }
        finally
        {
            _oneCellAtATime.Release();
        }
    }

    /// <summary>
    /// The compilation <paramref name="code"/> would have as the next cell, without running anything: for editor
    /// services such as completion and inspection. Directive lines are blanked as when the cell runs, so lines
    /// and columns stay the cell's own.
    /// </summary>
    public Compilation CompilationOf(string code) => NextScript(CellDirectives.Parse(code).Code).GetCompilation();

    /// <summary>
    /// Pays the first cell's one-off costs ahead of time: compiles, emits and runs a throwaway submission outside the
    /// session's state (the compiler's and the runtime's code paths get JIT-compiled) while another thread formats a
    /// value as every front-end would (the Formatting package builds its formatters). A kernel calls it on a
    /// background thread while it waits for its first request; nothing it does is visible to the notebook. It holds the session's one-cell
    /// lock, so a first cell waits for it: compiled at the same time as a cell that added references, it left that
    /// cell's compilation with two identities of one assembly (CS1503 "cannot convert from 'Recurrent.Tensor […]' to
    /// 'Recurrent.Tensor […]'" in nbconvert runs of notebooks 05, 07 and 12).
    /// </summary>
    public void WarmUp()
    {
        _oneCellAtATime.Wait();
        try
        {
            var formatting = Task.Run(() => ValueFormatter.Format(2.5, isResult: true).Bundle);
            _ = CSharpScript.Create<object>("new[] { 1.5, 2.5 }.Sum()", _scriptOptions).RunAsync().GetAwaiter().GetResult();
            formatting.GetAwaiter().GetResult();
        }
        finally
        {
            _oneCellAtATime.Release();
        }
    }

    /// <summary>
    /// <paramref name="code"/> as the script that continues the session's state (or starts it). A continuation is
    /// given only the references its chain has not passed yet: the compiler appends every earlier submission's
    /// references to a submission's own, so passing the whole set each time made submission n hold n copies of it
    /// (memory and time quadratic in the cells run: 1000 trivial cells took 53 s and 6.1 GB).
    /// </summary>
    private Script<object> NextScript(string code) => _state is { } previous
        ? previous.Script.ContinueWith<object>(code, _scriptOptions.WithReferences(NotYetChained()))
        : CSharpScript.Create<object>(code, _scriptOptions);

    private IEnumerable<MetadataReference> NotYetChained() => _scriptOptions.MetadataReferences.Where(r => !_chained.Contains(r));

    public void Dispose() => _oneCellAtATime.Dispose();

    private async Task<CellStatus> RunCSharpAsync(
        string source, OutputCollector outputs, Func<CancellationToken, string?>? readLine, CancellationToken cancellationToken)
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CellContext.Current = new CellContext(outputs.Add, new CellInput(readLine, interrupt.Token), interrupt.Token);
        Stopwatch? timer = null;
        try
        {
            var directives = CellDirectives.Parse(source);
            if (directives.Magics.FirstOrDefault(m => !MagicCommands.IsKnown(m.Name)) is { } unknown)
            {
                return Fail(outputs, MagicCommands.Unknown(unknown));
            }
            var references = await _references.ResolveAsync(directives, outputs.Add, interrupt.Token);
            _scriptOptions = _scriptOptions.AddReferences(references);
            foreach (var (code, magic) in Steps(directives))
            {
                if (!string.IsNullOrWhiteSpace(code) && await RunCodeAsync(code, outputs, interrupt, cancellationToken) is not CellStatus.Ok and var failed)
                {
                    return failed;
                }
                switch (magic?.Name)
                {
                    case MagicCommands.Time: timer ??= Stopwatch.StartNew(); break;
                    case MagicCommands.Who or MagicCommands.Whos: outputs.Add(MagicCommands.Variables(_state, magic.Name == MagicCommands.Whos)); break;
                    case MagicCommands.LsMagic: outputs.Add(MagicCommands.List()); break;
                }
            }
            return CellStatus.Ok;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return Stopped(outputs, cancellationToken);
        }
        catch (Exception e)
        {
            return Fail(outputs, e.ToString());
        }
        finally
        {
            if (timer is not null)
            {
                outputs.Add(MagicCommands.WallTime(timer.Elapsed));
            }
            CellContext.Current = null;
        }
    }

    /// <summary>
    /// The cell as .NET Interactive splits it at its magic commands: each piece of code (the other lines blank, so
    /// positions stay the cell's own) followed by the magic that ends it; the last piece has none.
    /// </summary>
    private static IEnumerable<(string Code, MagicLine? Magic)> Steps(CellDirectives directives)
    {
        var lines = directives.Code.Split('\n');
        var from = 0;
        foreach (var magic in directives.Magics.Append(null))
        {
            var to = magic?.Line - 1 ?? lines.Length;
            yield return (string.Join('\n', lines.Select((l, i) => i >= from && i < to ? l : "")), magic);
            from = to + 1;
        }
    }

    /// <summary>Compiles one piece of cell code as the next submission and runs it.</summary>
    private async Task<CellStatus> RunCodeAsync(string code, OutputCollector outputs, CancellationTokenSource interrupt, CancellationToken callerToken)
    {
        var injected = InterruptInjector.Inject(code, ScriptEnvironment.ParseOptions);
        var script = NextScript(injected.Code);
        var errors = (await Task.Run(() => script.Compile(interrupt.Token), interrupt.Token))
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return Fail(outputs, CompileErrors.Format(errors, injected, code));
        }
        // The time limit is for the cell's own code: restores and compilation, slow on a loaded machine, do not count.
        if (Options.CellTimeout is { } limit)
        {
            interrupt.CancelAfter(limit);
        }
        return await RunAsync(script, outputs, interrupt.Token, callerToken);
    }

    /// <summary>Runs the compiled cell on a thread of its own, so an interrupt can give up on it if it never checks.</summary>
    private async Task<CellStatus> RunAsync(
        Script<object> script, OutputCollector outputs, CancellationToken interrupt, CancellationToken callerToken)
    {
        var previous = _state;
        var run = Task.Factory.StartNew(
            () => previous is null
                ? script.RunAsync(catchException: _ => true)
                : script.RunFromAsync(previous, catchException: _ => true),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        try
        {
            await run.WaitAsync(interrupt);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            if (!await Finishes(run, Options.InterruptGrace))
            {
                outputs.Add(ErrorOutput.FromText(
                    "The cell did not stop when interrupted; its thread was abandoned and the state before it kept."));
                return Stopped(outputs, callerToken);
            }
        }
        _state = await run;
        _chained = _chained.Union(script.Options.MetadataReferences);
        if (_state.Exception is { } exception)
        {
            return exception is OperationCanceledException && interrupt.IsCancellationRequested
                ? Stopped(outputs, callerToken)
                : Fail(outputs, exception.ToString());
        }
        if (_state.ReturnValue is { } value and not DisplayedValue)
        {
            outputs.Add(ValueFormatter.Format(value, isResult: true));
        }
        return CellStatus.Ok;
    }

    /// <summary>An interrupt through the caller's token, or else the time limit, stopped the cell.</summary>
    private CellStatus Stopped(OutputCollector outputs, CancellationToken callerToken) => callerToken.IsCancellationRequested
        ? Fail(outputs, "System.OperationCanceledException: The cell was interrupted.", CellStatus.Interrupted)
        : Fail(outputs, $"System.TimeoutException: The cell ran longer than its {Options.CellTimeout?.TotalSeconds:0.###} s limit and was stopped.",
            CellStatus.TimedOut);

    private static async Task<bool> Finishes(Task run, TimeSpan grace) => await Task.WhenAny(run, Task.Delay(grace)) == run;

    private static CellStatus Fail(OutputCollector outputs, string evalue, CellStatus status = CellStatus.Failed)
    {
        outputs.Add(ErrorOutput.FromText(evalue));
        return status;
    }

    private static CellStatus Show(OutputCollector outputs, CellOutput output)
    {
        outputs.Add(output);
        return CellStatus.Ok;
    }

    /// <summary>An HTML cell's body shown as is, with the body as its plain text for consoles.</summary>
    private static DisplayOutput HtmlCell(string body) =>
        DisplayOutput.Single(ValueFormatter.Html, body) with { LiveData = new Dictionary<string, string> { [ValueFormatter.PlainText] = body } };

    private static string StripMagic(string source) =>
        CellLanguage.KernelOf(source) is null ? source : source.Split('\n', 2) is [_, var rest] ? rest : "";
}
