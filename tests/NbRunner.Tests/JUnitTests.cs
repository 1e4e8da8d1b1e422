// The --junit file: one testsuite per notebook, one testcase per code cell, in the schema CI systems read.
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace NbRunner.Tests;

public sealed class JUnitTests
{
    [Fact]
    public async Task JUnit_WhenNotebooksPassFailAndAreMalformed_ValidatesAgainstTheJUnitSchema()
    {
        var junit = Path.Combine(Directory.CreateTempSubdirectory("nbrunner-junit-").FullName, "reports", "notebooks.xml");

        var (exitCode, _) = await Runner.Run("verify", Runner.Fixture("Tolerance Fail.ipynb"), Runner.Fixture("Tolerance Pass.ipynb"),
            Runner.Fixture("Malformed/Broken.ipynb"), "--junit", junit);

        Assert.Equal(2, exitCode);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "junit.xsd"));
        var problems = new List<string>();
        var document = XDocument.Load(junit);
        document.Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.Empty(problems);
        var suites = document.Root!.Elements("testsuite").ToList();
        Assert.Equal(["Tolerance Fail.ipynb", "Tolerance Pass.ipynb", "Broken.ipynb"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal(("1", "1", "0"), ((string)suites[0].Attribute("tests")!, (string)suites[0].Attribute("failures")!, (string)suites[0].Attribute("errors")!));
        Assert.Equal("stored -0.0819, got -0.0820", (string)suites[0].Descendants("failure").Single().Attribute("message")!);
        Assert.Equal("1", (string)suites[2].Attribute("errors")!);
        Assert.Equal(("3", "1", "1"), ((string)document.Root.Attribute("tests")!, (string)document.Root.Attribute("failures")!, (string)document.Root.Attribute("errors")!));
    }

    [Fact]
    public async Task JUnit_WhenAnEmptyVariableMakesTheFirstNotebookItsPath_ExitsTwoAndLeavesTheNotebookUntouched()
    {
        // `--junit $OUT notebooks/*.ipynb` with $OUT empty: the first notebook becomes the report path.
        var first = Runner.Copy("Tolerance Pass.ipynb");
        var second = Runner.Copy("Passing.ipynb");
        var before = File.ReadAllBytes(first);

        var (exitCode, output) = await Runner.Run("run", "--junit", first, second);

        Assert.Equal(2, exitCode);
        Assert.Contains($"nbrunner: --junit expects a report file to write, got '{first}', which names a notebook (.ipynb)", output);
        Assert.Equal(before, File.ReadAllBytes(first));
    }

    [Fact]
    public async Task JUnit_WhenItsPathIsOneOfTheNotebooksToRun_ExitsTwoAndLeavesTheNotebookUntouched()
    {
        var notebook = Runner.Copy("Tolerance Pass.ipynb");
        var before = File.ReadAllBytes(notebook);

        var (exitCode, output) = await Runner.Run("run", notebook, "--junit", notebook);

        Assert.Equal(2, exitCode);
        Assert.Contains($"nbrunner: --junit expects a report file to write, got '{notebook}', which is one of the notebooks to run", output);
        Assert.Equal(before, File.ReadAllBytes(notebook));
    }

    [Fact]
    public async Task JUnit_WhenItsPathEndsInIpynb_ExitsTwoAndWritesNothing()
    {
        var report = Path.Combine(Directory.CreateTempSubdirectory("nbrunner-junit-").FullName, "report.ipynb");

        var (exitCode, output) = await Runner.Run("run", Runner.Fixture("Tolerance Pass.ipynb"), "--junit", report);

        Assert.Equal(2, exitCode);
        Assert.Contains($"nbrunner: --junit expects a report file to write, got '{report}', which names a notebook (.ipynb)", output);
        Assert.False(File.Exists(report));
    }
}
