// #r "nuget: …" and #i: directive parsing, restoring once per package set, the kernel's package display, Plotly.
using NbEngine.Execution;
using NbEngine.Formatting;
using NbEngine.Packages;

namespace NbEngine.Tests;

public sealed class PackageTests
{
    [Fact]
    public void Parse_WhenDirectivesAreWrittenWithOrWithoutSpaces_FindsPackagesSourcesAndPathsAndBlanksTheirLines()
    {
        var directives = CellDirectives.Parse(
            "#!csharp\n#r \"nuget: Humanizer.Core, 2.14.1\"\n#r \"nuget:Newtonsoft.Json,13.0.3\"\n#r \"nuget: Bare\"\n#i \"nuget: /tmp/feed\"\n#r \"../lib/x.dll\"\n#region kept\nvar y = 1;");

        Assert.Equal(
            [new PackageReference("Humanizer.Core", "2.14.1"), new PackageReference("Newtonsoft.Json", "13.0.3"), new PackageReference("Bare", "*")],
            directives.Packages);
        Assert.Equal(["/tmp/feed"], directives.Sources);
        Assert.Equal(["../lib/x.dll"], directives.AssemblyPaths);
        Assert.Equal("\n\n\n\n\n\n#region kept\nvar y = 1;", directives.Code);
    }

    [Fact]
    public async Task Restore_WhenTheSamePackageSetIsRestoredAgain_RestoresNothingTheSecondTime()
    {
        var restorer = new PackageRestorer(Directory.CreateTempSubdirectory("nbengine-cache-").FullName);
        PackageReference[] packages = [new("Newtonsoft.Json", "13.0.3")];

        var first = await restorer.RestoreAsync(packages, [], CancellationToken.None);
        var second = await restorer.RestoreAsync(packages, [], CancellationToken.None);

        Assert.True(first.RanRestore);
        Assert.False(second.RanRestore);
        Assert.Equal(first.AssemblyPaths, second.AssemblyPaths);
        Assert.EndsWith("newtonsoft.json/13.0.3/lib/net6.0/Newtonsoft.Json.dll", Assert.Single(first.AssemblyPaths));
    }

    [Fact]
    public async Task Execute_WhenCellReferencesNugetPackage_ShowsInstalledPackagesAndTheCodeUsesIt()
    {
        var results = await Sessions.RunAll("#r \"nuget: Newtonsoft.Json, 13.0.3\"", "Newtonsoft.Json.JsonConvert.SerializeObject(new[] { 1, 2 })");

        Assert.Equal(
            "text/html=<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>Newtonsoft.Json, 13.0.3</span></li></ul></div></div>",
            results[0].Outputs.Single().Text());
        Assert.Equal("text/plain=[1,2]", results[1].Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenSourceIsAFolderRelativeToTheNotebook_RestoresFromIt()
    {
        var notebookFolder = Directory.CreateTempSubdirectory("nbengine-feed-").FullName;
        var feed = Directory.CreateDirectory(Path.Combine(notebookFolder, "feed")).FullName;
        var restored = await new PackageRestorer(Path.Combine(notebookFolder, "warm"))
            .RestoreAsync([new("Newtonsoft.Json", "13.0.3")], [], CancellationToken.None);
        var packageFolder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(restored.AssemblyPaths.Single())!, "..", ".."));
        File.Copy(Path.Combine(packageFolder, "newtonsoft.json.13.0.3.nupkg"), Path.Combine(feed, "newtonsoft.json.13.0.3.nupkg"));
        using var session = new NotebookSession(new SessionOptions
        {
            WorkingDirectory = notebookFolder,
            Packages = new PackageRestorer(Path.Combine(notebookFolder, "cache")),
        });

        var result = await session.ExecuteAsync("#i \"nuget: feed\"\n#r \"nuget: Newtonsoft.Json, 13.0.3\"");

        Assert.True(result.Succeeded, string.Join("\n", result.Outputs.Select(o => o.Text())));
        var project = Directory.GetFiles(Path.Combine(notebookFolder, "cache"), "restore.csproj", SearchOption.AllDirectories).Single();
        Assert.Contains($"<RestoreAdditionalProjectSources>{feed}</RestoreAdditionalProjectSources>", File.ReadAllText(project));
    }

    [Fact]
    public async Task Execute_WhenPackageDoesNotExist_FailsNamingThePackage()
    {
        var result = (await Sessions.RunAll("#r \"nuget: No.Such.Package.Anywhere, 1.0.0\""))[0];

        Assert.Equal(CellStatus.Failed, result.Status);
        Assert.Contains("Expected `dotnet restore` to restore No.Such.Package.Anywhere, 1.0.0", result.Outputs.Single().Text());
    }

    [Fact]
    public async Task Execute_WhenPlotlyInteractiveIsReferenced_ChartsDisplayAsPlotlyInteractiveHtml()
    {
        var results = await Sessions.RunAll(
            "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"",
            "Plotly.NET.CSharp.Chart.Point<int, int, string>(x: new[] { 1, 2 }, y: new[] { 3, 4 })");

        Assert.Equal(
            "text/html=<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>Plotly.NET.CSharp, 0.14.0</span></li>"
            + "<li><span>Plotly.NET.Interactive, 6.0.0</span></li></ul></div></div>",
            results[0].Outputs[0].Text());
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal($"text/plain=Loading extensions from `{PackageDisplay.MachineNeutral(packages, home)}/plotly.net.interactive/6.0.0/interactive-extensions/dotnet/Plotly.NET.Interactive.dll`",
            results[0].Outputs[1].Text());
        Assert.DoesNotContain(home + "/", results[0].Outputs[1].Text());
        var html = results[1].Outputs.Single().Text();
        Assert.Matches("^text/html=<div><div id=\"[0-9a-f-]{36}\"><!-- Plotly chart will be drawn inside this DIV --></div><script type=\"text/javascript\">", html);
        Assert.Contains("requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}})", html);
        Assert.Contains("var data = [{\"type\":\"scatter\",\"mode\":\"markers\",\"x\":[1,2],\"y\":[3,4]", html);
    }

    [Fact]
    public void InstalledPackages_ListsTheCellsPackagesSortedAsTheKernelDoesNotInRequestOrder()
    {
        var html = PackageDisplay.InstalledPackagesHtml(["Plotly.NET.Interactive, 6.0.0", "Plotly.NET, 6.0.0", "Plotly.NET.CSharp, 0.14.0", "humanizer, 2.14.1", "MathNet.Numerics, 5.0.0"]);

        // Culture order, as the kernel's OrderBy: lower-case "humanizer" before "MathNet" (ordinal order would put it last).
        Assert.Equal(
            "<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>humanizer, 2.14.1</span></li>"
            + "<li><span>MathNet.Numerics, 5.0.0</span></li><li><span>Plotly.NET, 6.0.0</span></li><li><span>Plotly.NET.CSharp, 0.14.0</span></li>"
            + "<li><span>Plotly.NET.Interactive, 6.0.0</span></li></ul></div></div>",
            html);
    }

    [Theory]
    [InlineData("/root/.nuget/packages/p/1.0.0/x.dll", "/root", "~/.nuget/packages/p/1.0.0/x.dll")]
    [InlineData("/home/me/.nuget/packages/p/1.0.0/x.dll", "/home/me/", "~/.nuget/packages/p/1.0.0/x.dll")]
    [InlineData("/home/meg/.nuget/packages/p/1.0.0/x.dll", "/home/me", "/home/meg/.nuget/packages/p/1.0.0/x.dll")]
    [InlineData("/ci/nuget/p/1.0.0/x.dll", "/root", "/ci/nuget/p/1.0.0/x.dll")]
    public void MachineNeutral_WritesAPathUnderTheHomeFolderFromTilde(string path, string home, string expected)
    {
        Assert.Equal(expected, PackageDisplay.MachineNeutral(path, home));
    }
}
