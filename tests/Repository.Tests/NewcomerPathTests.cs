// The README's commands, .ci/run, the devcontainer and the workflow must name the same commands and existing paths.
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repository.Tests;

public sealed partial class NewcomerPathTests
{
    private const string TestCommand = "dotnet test Rnn.Notebooks.sln -c Release";
    private const string VerifyCommand = "dotnet run --project tools/NbRunner -c Release -- verify notebooks";

    [Fact]
    public void CiScript_RunsExactlyTheReadmeTestCommand()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        var ci = File.ReadAllLines(RepositoryRoot.File(".ci/run"));

        Assert.Contains(TestCommand, readme);
        Assert.Contains(TestCommand, ci.Select(l => l.Trim()));
    }

    [Fact]
    public void Devcontainer_UsesTheDotnetImageTheExtensionsAndPowerShell()
    {
        var root = Devcontainer();

        Assert.StartsWith("mcr.microsoft.com/devcontainers/dotnet:10.0", root.GetProperty("image").GetString());
        var extensions = root.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["ms-dotnettools.csharp", "ms-dotnettools.dotnet-interactive-vscode", "ms-toolsai.jupyter"], extensions);
        Assert.Contains(root.GetProperty("features").EnumerateObject(), f => f.Name.Contains("features/powershell"));
    }

    [Fact]
    public void Devcontainer_PostCreateCommandNamesOnlyExistingPaths()
    {
        var command = Devcontainer().GetProperty("postCreateCommand").GetString()!;

        Assert.StartsWith("dotnet ", command);
        var paths = PathLike().Matches(command).Select(m => m.Value).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.True(File.Exists(RepositoryRoot.File(p)) || Directory.Exists(RepositoryRoot.File(p)),
            $"postCreateCommand names '{p}', which does not exist in the repository"));
    }

    [Fact]
    public void Workflow_RunsTheReadmeCommandsAndNamesExistingProjects()
    {
        var workflow = File.ReadAllText(RepositoryRoot.File(".github/workflows/notebooks.yml"));

        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));

        Assert.Contains(VerifyCommand, readme);
        Assert.Contains(VerifyCommand, workflow);
        Assert.Contains(TestCommand, workflow);
        foreach (Match m in ProjectOption().Matches(workflow))
        {
            var project = m.Groups[1].Value;
            Assert.True(Directory.Exists(RepositoryRoot.File(project)), $"workflow runs --project {project}, which does not exist");
        }
        Assert.Contains("actions/upload-artifact", workflow);
        Assert.Contains("actions/cache", workflow);
    }

    [Fact]
    public void Readme_LinksAndPicturesPointAtFilesInTheRepository()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("README.md"));

        var targets = MarkdownLink().Matches(readme).Select(m => Uri.UnescapeDataString(m.Groups[1].Value))
            .Where(t => !t.Contains("://", StringComparison.Ordinal)).ToList();
        Assert.Contains("docs/images/vanilla-rnn.png", targets);
        Assert.All(targets, t => Assert.True(File.Exists(RepositoryRoot.File(t)) || Directory.Exists(RepositoryRoot.File(t)),
            $"README links '{t}', which does not exist in the repository"));
    }

    private static JsonElement Devcontainer() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File(".devcontainer/devcontainer.json"))).RootElement;

    /// <summary>Arguments that look like repository paths: a file with an extension or a folder with a slash.</summary>
    [GeneratedRegex(@"(?<=\s)[\w.\-/]+(\.sln|\.csproj|\.ps1|/[\w.\-]+)(?=\s|$)")]
    private static partial Regex PathLike();

    /// <summary>The target of a markdown link or image, without any #fragment.</summary>
    [GeneratedRegex(@"\]\(([^)#\s]+)(?:#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"--project\s+(\S+)")]
    private static partial Regex ProjectOption();
}
