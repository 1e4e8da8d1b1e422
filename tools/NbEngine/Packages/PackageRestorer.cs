// Restores a package set once into the cache and answers later requests for the same set from the cache.
using System.Diagnostics;

namespace NbEngine.Packages;

/// <summary>The runtime assemblies of a restored set, where they came from, and whether this call ran a restore.</summary>
public sealed record RestoredPackages(IReadOnlyList<string> AssemblyPaths, string Folder, bool RanRestore);

/// <summary>
/// Generates a project per distinct package set and runs <c>dotnet restore</c> on it once; the list of runtime
/// assemblies is then kept in <c>assemblies.txt</c> beside it, so the next run with that set restores nothing.
/// A file lock serialises concurrent runs (e.g. <c>-j</c> worker processes) that need the same set.
/// </summary>
public sealed class PackageRestorer(string cacheRoot)
{
    private const string ListFile = "assemblies.txt";

    public string CacheRoot { get; } = cacheRoot;

    public async Task<RestoredPackages> RestoreAsync(
        IReadOnlyList<PackageReference> packages, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var folder = PackageCache.FolderFor(CacheRoot, packages, sources);
        Directory.CreateDirectory(folder);
        if (Cached(folder) is { } cached)
        {
            return new RestoredPackages(cached, folder, RanRestore: false);
        }
        using var gate = await LockAsync(folder, cancellationToken);
        if (Cached(folder) is { } restoredMeanwhile)
        {
            return new RestoredPackages(restoredMeanwhile, folder, RanRestore: false);
        }
        RestoreProject.Write(folder, packages, sources);
        await RunRestoreAsync(folder, packages, cancellationToken);
        var assemblies = RestoreAssets.RuntimeAssemblies(Path.Combine(folder, "obj", "project.assets.json"), PackageCache.TargetFramework);
        await File.WriteAllLinesAsync(Path.Combine(folder, ListFile), assemblies, cancellationToken);
        return new RestoredPackages(assemblies, folder, RanRestore: true);
    }

    private static IReadOnlyList<string>? Cached(string folder)
    {
        var list = Path.Combine(folder, ListFile);
        if (!File.Exists(list))
        {
            return null;
        }
        var paths = File.ReadAllLines(list).Where(l => l.Length > 0).ToList();
        return paths.All(File.Exists) ? paths : null;
    }

    private static async Task RunRestoreAsync(string folder, IReadOnlyList<PackageReference> packages, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", RestoreProject.FileName, "--nologo", "-v", "q"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The cell was interrupted (or the kernel is shutting down): the restore, and MSBuild under it, end with it.
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            var details = string.Join('\n', ((await output) + (await errors)).Split('\n')
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Select(l => l.Trim()).Distinct());
            throw new InvalidOperationException(
                $"Expected `dotnet restore` to restore {string.Join("; ", packages)}, but it exited with code {process.ExitCode}:\n{details}");
        }
    }

    private static async Task<FileStream> LockAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "restore.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
