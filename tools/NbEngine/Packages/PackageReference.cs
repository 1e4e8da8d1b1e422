// A NuGet package a notebook asks for with #r "nuget: Id, Version".
namespace NbEngine.Packages;

/// <summary>A package id and version (or version range; "*" when the cell names none).</summary>
public sealed record PackageReference(string Id, string Version)
{
    /// <summary>"Id, Version", as the kernel lists installed packages.</summary>
    public override string ToString() => $"{Id}, {Version}";
}
