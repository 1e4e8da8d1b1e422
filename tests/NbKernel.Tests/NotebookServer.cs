// Debian's Jupyter Notebook 6 serving copies of the course notebooks on 127.0.0.1, with every Jupyter and home path private.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NbKernel.Tests;

/// <summary>
/// Serves a temporary folder holding copies of the notebooks (autosave can write nothing back to the repository)
/// and a link to the repository's <c>lib/</c> (their <c>#r "../lib/…"</c> lines resolve). The server gets a random
/// token and port, <see cref="JupyterHome"/>'s data, runtime and config folders (the <c>rnn-csharp</c>
/// kernelspec is installed there) and a fresh HOME; the kernels it starts restore packages into the user's NuGet
/// and runner caches, named explicitly, so they are not cold.
/// </summary>
internal sealed class NotebookServer : IDisposable
{
    public const string Program = "/usr/bin/jupyter-notebook";

    private readonly Process _process;
    private readonly string _log;

    public NotebookServer(JupyterHome home, IEnumerable<string> notebooks)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"expected Debian's Jupyter Notebook at {Program}, found nothing: run " +
                "`sudo apt-get install -y jupyter-notebook` (.ci/run does this)");
        }
        var root = Directory.CreateDirectory(Path.Combine(home.Root, "notebook-server")).FullName;
        Folder = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        foreach (var notebook in notebooks)
        {
            File.Copy(notebook, Path.Combine(Folder, Path.GetFileName(notebook)), overwrite: true);
        }
        if (!Directory.Exists(Path.Combine(root, "lib")))
        {
            Directory.CreateSymbolicLink(Path.Combine(root, "lib"), RepositoryRoot.File("lib"));
        }
        // The files the notebooks read by relative path (notebook 12's text) sit beside them, as in the repository.
        if (!Directory.Exists(Path.Combine(Folder, "data")))
        {
            Directory.CreateSymbolicLink(Path.Combine(Folder, "data"), RepositoryRoot.File(Path.Combine("notebooks", "data")));
        }
        // The page asks for the user's custom.js and custom.css, optional files whose absence Chromium logs as errors.
        var custom = Directory.CreateDirectory(Path.Combine(home.Environment["JUPYTER_CONFIG_DIR"], "custom")).FullName;
        File.WriteAllText(Path.Combine(custom, "custom.js"), "");
        File.WriteAllText(Path.Combine(custom, "custom.css"), "");
        Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        Port = FreePort();
        _log = Path.Combine(root, "server.log");
        var start = new ProcessStartInfo(Program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[
            "--no-browser", "--ip=127.0.0.1", $"--port={Port}", "--port-retries=0", $"--NotebookApp.token={Token}",
            $"--NotebookApp.notebook_dir={Folder}", "--NotebookApp.open_browser=False"])
        {
            start.ArgumentList.Add(argument);
        }
        if (Environment.UserName == "root")
        {
            // CI and containers run as root, which Jupyter refuses without being told.
            start.ArgumentList.Add("--allow-root");
        }
        foreach (var (name, value) in home.Environment)
        {
            start.Environment[name] = value;
        }
        var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(userHome, ".nuget", "packages");
        start.Environment["NBRUNNER_CACHE"] = NbEngine.Packages.PackageCache.DefaultRoot;
        start.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        start.Environment["IPYTHONDIR"] = Path.Combine(root, "home", ".ipython");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(root, "home", ".cache");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(root, "home", ".local", "share");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(root, "home", ".config");
        _process = Process.Start(start) ?? throw new InvalidOperationException($"expected {Program} to start");
        var log = TextWriter.Synchronized(new StreamWriter(_log) { AutoFlush = true });
        _process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        _process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilServing();
    }

    public string Folder { get; }

    public string Token { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The notebook's page, authenticated by the token.</summary>
    public string Url(string notebook) => $"{BaseUrl}/notebooks/{Uri.EscapeDataString(notebook)}?token={Token}";

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Log => File.Exists(_log) ? File.ReadAllText(_log) : "";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void WaitUntilServing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"expected Jupyter Notebook to serve on port {Port}, but it exited with {_process.ExitCode}\n{Log}");
            }
            try
            {
                if (http.GetAsync($"{BaseUrl}/api/status?token={Token}").Result.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (AggregateException)
            {
                // Not listening yet.
            }
            Thread.Sleep(250);
        }
        throw new TimeoutException($"expected Jupyter Notebook to answer on port {Port} within 90 s\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
