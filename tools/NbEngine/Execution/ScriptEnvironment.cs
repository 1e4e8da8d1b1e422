// What every notebook starts with: the framework and engine references and the kernel's default imports.
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NbEngine.Packages;

namespace NbEngine.Execution;

/// <summary>The kernel's imports and parse options, which the exporters use to read cells as the engine compiles them.</summary>
public static class ScriptEnvironment
{
    /// <summary>The namespaces Polyglot imports before the first cell, plus <c>using static</c> of the helpers.</summary>
    public static ImmutableArray<string> Imports { get; } =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks",
        "System.Linq", typeof(Kernel).FullName!,
    ];

    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
        [
            .. HostAssemblies.FrameworkPaths.Select(Mapped),
            Mapped(typeof(Kernel).Assembly.Location),
            Mapped(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly.Location),
            Mapped(typeof(Microsoft.AspNetCore.Html.IHtmlContent).Assembly.Location),
        ]);

    /// <summary>
    /// A reference to an assembly the process itself runs on, memory-mapped: the compiler reads only the metadata
    /// it needs (<see cref="MetadataReference.CreateFromFile(string, MetadataReferenceProperties, DocumentationProvider?)"/>
    /// reads whole files: 60 MB for the framework's 172 assemblies, a third of a second before the first cell could
    /// compile).
    /// </summary>
    private static MetadataReference Mapped(string path) => AssemblyMetadata.CreateFromFile(path).GetReference(filePath: path);

    /// <summary>The options of a notebook's first submission (references are shared by all sessions).</summary>
    internal static ScriptOptions InitialOptions(string workingDirectory) => ScriptOptions.Default
        .WithReferences(LazyReferences.Value)
        .WithImports(Imports)
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithEmitDebugInformation(false)
        .WithAllowUnsafe(true)
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(workingDirectory))
        .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(workingDirectory));
}
