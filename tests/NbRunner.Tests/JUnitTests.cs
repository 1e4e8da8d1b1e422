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
}
