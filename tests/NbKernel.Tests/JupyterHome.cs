// A private Jupyter set-up for the tests: temporary data, runtime and config folders, the kernelspec installed there.
using System.Text.Json.Nodes;

namespace NbKernel.Tests;

/// <summary>
/// Every child process (NbRunner, python, jupyter and the kernels they start) gets a HOME of its own inside
/// <see cref="Root"/>, with <c>JUPYTER_DATA_DIR</c>, <c>JUPYTER_RUNTIME_DIR</c>, <c>JUPYTER_CONFIG_DIR</c>,
/// <c>IPYTHONDIR</c> and the XDG folders there too and <c>JUPYTER_PATH</c> empty, so nothing of the user's own
/// Jupyter set-up (a kernelspec a README reader installed, say) is read or written. Only the package caches stay the
/// user's, named explicitly (NuGet's packages folder, the runner's cache, the dotnet CLI's home), so restores stay
/// warm. Any process whose environment still names this runtime folder after a client has finished is a kernel (or a
/// child of one) that outlived its client.
/// </summary>
public sealed class JupyterHome : IDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string Jupyter = "/usr/bin/jupyter";
    public const string KernelName = "rnn-csharp";

    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(5);
    private readonly Dictionary<(string, string?), JsonObject> _scenarios = [];

    public JupyterHome()
    {
        foreach (var tool in (string[])[Python, Jupyter])
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"expected Debian's Jupyter client stack at {tool}, found nothing: run " +
                    "`sudo apt-get install -y python3-jupyter-client jupyter-client python3-nbclient jupyter-nbconvert` (.ci/run does this)");
            }
        }
        Root = Directory.CreateTempSubdirectory("nbkernel-test-").FullName;
        var userHome = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        Environment = new Dictionary<string, string>
        {
            ["HOME"] = Directory.CreateDirectory(Path.Combine(Root, "home")).FullName,
            ["XDG_DATA_HOME"] = Path.Combine(Root, "home", ".local", "share"),
            ["XDG_CONFIG_HOME"] = Path.Combine(Root, "home", ".config"),
            ["IPYTHONDIR"] = Path.Combine(Root, "home", ".ipython"),
            ["JUPYTER_PATH"] = "",
            ["JUPYTER_DATA_DIR"] = Path.Combine(Root, "data"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config"),
            ["NUGET_PACKAGES"] = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
                ? packages : Path.Combine(userHome, ".nuget", "packages"),
            ["NBRUNNER_CACHE"] = NbEngine.Packages.PackageCache.DefaultRoot,
            ["DOTNET_CLI_HOME"] = System.Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } cli ? cli : userHome,
        };
        var install = NbRunner("kernel", "install");
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"expected `nbrunner kernel install` to succeed, got {install}");
        }
    }

    public string Root { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>clients/kernel_client.py: jupyter_client driving the kernel through one scenario.</summary>
    public static string ClientScript { get; } = Path.Combine(AppContext.BaseDirectory, "clients", "kernel_client.py");

    public string KernelSpecFolder => Path.Combine(Root, "data", "kernels", KernelName);

    /// <summary>The NbRunner command line in a child process, as a user runs it.</summary>
    public ProcessResult NbRunner(params string[] arguments) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "NbRunner.dll"), .. arguments]);

    /// <summary>A program run in <see cref="Root"/> with this set-up's environment; afterwards no kernel may be left running.</summary>
    public ProcessResult Run(string program, IEnumerable<string> arguments, string? input = null)
    {
        var result = ChildProcess.Run(program, arguments, Environment, Root, ClientTimeout, input);
        var leftovers = KernelProcesses.StillRunning(Path.Combine(Root, "runtime"));
        KernelProcesses.Kill(leftovers);
        Assert.True(leftovers.Count == 0, $"expected no process left after {program} finished, got {string.Join(", ", leftovers)} (now killed)\n{result}");
        return result;
    }

    /// <summary>
    /// The kernelspecs Jupyter finds, by name: what `jupyter kernelspec list --json` prints (run as the module, since
    /// Debian ships that command in a package of its own).
    /// </summary>
    public JsonObject KernelSpecs()
    {
        var list = Run(Python, ["-m", "jupyter_client.kernelspecapp", "list", "--json"]);
        Assert.True(list.ExitCode == 0, $"expected the kernelspec list, got {list}");
        return JsonNode.Parse(list.Output)!["kernelspecs"]!.AsObject();
    }

    /// <summary>
    /// What clients/kernel_client.py saw in one scenario (jupyter_client starting the kernel from the installed
    /// kernelspec); each scenario runs once per test run, however many tests look at its result.
    /// </summary>
    public JsonObject Scenario(string name, string? argument = null)
    {
        lock (_scenarios)
        {
            if (!_scenarios.TryGetValue((name, argument), out var seen))
            {
                var resultFile = Path.Combine(Root, $"{name}.json");
                var run = Run(Python, [ClientScript, name, resultFile, .. argument is null ? Array.Empty<string>() : [argument]]);
                Assert.True(run.ExitCode == 0, $"expected kernel_client.py {name} to succeed, got {run}");
                seen = JsonNode.Parse(File.ReadAllText(resultFile))!.AsObject();
                _scenarios[(name, argument)] = seen;
            }
            return seen;
        }
    }

    public void Dispose()
    {
        KernelProcesses.Kill(KernelProcesses.StillRunning(Path.Combine(Root, "runtime"), TimeSpan.Zero));
        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>One set-up shared by the tests that drive kernels through clients.</summary>
[CollectionDefinition(Name)]
public sealed class JupyterCollection : ICollectionFixture<JupyterHome>
{
    public const string Name = "Jupyter clients";
}
