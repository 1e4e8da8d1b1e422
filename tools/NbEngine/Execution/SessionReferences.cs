// The assemblies and packages a session has added with #r / #i, turned into metadata references.
using Microsoft.CodeAnalysis;
using NbEngine.Formatting;
using NbEngine.Notebooks;
using NbEngine.Packages;

namespace NbEngine.Execution;

/// <summary>
/// Resolves a cell's directives: <c>#r "path.dll"</c> against the notebook folder, <c>#r "nuget: …"</c> by
/// restoring the session's cumulative package set (later cells may add packages; the set is restored as a
/// whole, so versions stay consistent), and reports them with the kernel's "Installed Packages" display.
/// </summary>
internal sealed class SessionReferences(SessionOptions options)
{
    private readonly List<PackageReference> _packages = [];
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    /// <summary>New references the cell needs; emits the package displays to <paramref name="emit"/>.</summary>
    public async Task<IReadOnlyList<MetadataReference>> ResolveAsync(
        CellDirectives directives, Action<CellOutput> emit, CancellationToken cancellationToken)
    {
        var added = new List<MetadataReference>();
        foreach (var path in directives.AssemblyPaths)
        {
            var full = Path.GetFullPath(Path.Combine(options.WorkingDirectory, path));
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"#r \"{path}\": expected an assembly at {full}, but there is no such file", full);
            }
            AssemblyProbing.AddFolderOf(full);
            Reference(full, added);
        }
        _sources.AddRange(directives.Sources.Select(AbsoluteSource).Except(_sources));
        if (directives.Packages.Count == 0)
        {
            return added;
        }
        foreach (var requested in directives.Packages)
        {
            RequestedPackages.Add(_packages, requested);
        }
        var restored = await options.Packages.RestoreAsync(_packages, _sources, cancellationToken);
        foreach (var assembly in restored.AssemblyPaths)
        {
            AssemblyProbing.Add(assembly);
            Reference(assembly, added);
        }
        emit(PackageDisplay.InstalledPackagesOutput([.. directives.Packages.Select(p => p.ToString())]));
        foreach (var extension in directives.Packages.Where(PackageAliases.IsKernelExtension))
        {
            PlotlyCharts.Enable();
            emit(DisplayOutput.Single(ValueFormatter.PlainText, PackageDisplay.LoadingExtensions(ExtensionPath(extension), Home)));
        }
        return added;
    }

    private void Reference(string path, List<MetadataReference> added)
    {
        var chosen = HostAssemblies.CopyOf(path) ?? path;
        if (_referenced.Add(chosen))
        {
            // The XML documentation beside an assembly (Recurrent ships one) gives editors their hover summaries.
            added.Add(MetadataReference.CreateFromFile(chosen, documentation: XmlDocumentation.Beside(chosen)));
        }
    }

    /// <summary>A feed URL as given; a local folder made absolute against the notebook's folder (restores run elsewhere).</summary>
    private string AbsoluteSource(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile
            ? source
            : Path.GetFullPath(Path.Combine(options.WorkingDirectory, source));

    private static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Where Polyglot would have found the extension: under the NuGet packages folder.</summary>
    private static string ExtensionPath(PackageReference extension)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Home, ".nuget", "packages");
        return Path.Combine(root, extension.Id.ToLowerInvariant(), extension.Version, "interactive-extensions", "dotnet", $"{extension.Id}.dll");
    }
}
