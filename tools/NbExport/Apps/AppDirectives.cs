// The #: lines that make a notebook's #r references work in a file-based app: packages, projects, properties.
using NbEngine.Execution;
using NbEngine.Notebooks;
using NbEngine.Packages;

namespace NbExport.Apps;

internal static class AppDirectives
{
    /// <summary>
    /// <c>#r "nuget: Id, Version"</c> → <c>#:package Id@Version</c> (with the engine's substitutes: a kernel extension
    /// such as Plotly.NET.Interactive becomes its library); <c>#r "…/bin/Release/net8.0/X.dll"</c> → <c>#:project</c>
    /// of the X.csproj that builds it, relative to <paramref name="appFolder"/>; <c>#i</c> sources → a restore property.
    /// The versions are the notebook's, even under a Directory.Packages.props (central package management is
    /// switched off); the kernel compiles without nullable annotations and with its own imports, so the app does too, and
    /// like the kernel it neither shows warnings nor fails on them (a repository's Directory.Build.props may say otherwise).
    /// </summary>
    public static IReadOnlyList<string> For(Notebook notebook, string appFolder)
    {
        var directives = Parsed(notebook);
        var projects = directives.SelectMany(d => d.AssemblyPaths).Select(p => ProjectOf(notebook, p, appFolder)).Distinct();
        var sources = directives.SelectMany(d => d.Sources).Distinct().ToList();
        return
        [
            .. Packages(notebook).Select(p => $"#:package {p.Id}@{p.Version}"),
            .. projects.Select(p => $"#:project {p}"),
            .. sources.Count > 0 ? new[] { $"#:property RestoreAdditionalProjectSources={string.Join(';', sources)}" } : [],
            "#:property ManagePackageVersionsCentrally=false",
            "#:property Nullable=disable",
            "#:property ImplicitUsings=disable",
            "#:property TreatWarningsAsErrors=false",
            "#:property WarningLevel=0",
        ];
    }

    /// <summary>The packages the notebook's cells ask for, each id once (a later version wins, as in the kernel).</summary>
    public static IReadOnlyList<PackageReference> Packages(Notebook notebook)
    {
        var packages = new List<PackageReference>();
        foreach (var requested in Parsed(notebook).SelectMany(d => d.Packages))
        {
            RequestedPackages.Add(packages, requested);
        }
        return packages;
    }

    private static List<CellDirectives> Parsed(Notebook notebook) =>
        notebook.Cells.Where(AppSource.Runs).Select(c => CellDirectives.Parse(c.Source)).ToList();

    /// <summary>The project whose build output the referenced dll is: <c>&lt;folder&gt;/bin/…/X.dll</c> beside <c>&lt;folder&gt;/X.csproj</c>.</summary>
    private static string ProjectOf(Notebook notebook, string dllPath, string appFolder)
    {
        var dll = Path.GetFullPath(Path.Combine(notebook.Directory, dllPath));
        var bin = new DirectoryInfo(Path.GetDirectoryName(dll)!);
        while (bin is not null && bin.Name != "bin")
        {
            bin = bin.Parent;
        }
        var project = bin?.Parent is { } folder ? Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(dll) + ".csproj") : null;
        if (project is null || !File.Exists(project))
        {
            throw new ExportException(
                $"{notebook.Name}: #r \"{dllPath}\": expected the build output of a project (<folder>/bin/…/{Path.GetFileName(dll)} "
                + $"beside <folder>/{Path.GetFileNameWithoutExtension(dll)}.csproj), which a file-based app can reference with #:project; "
                + $"got {dll}, which has no such project");
        }
        return Path.GetRelativePath(Path.GetFullPath(appFolder), project).Replace('\\', '/');
    }
}
