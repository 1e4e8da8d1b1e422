// update: outputs written back atomically, everything else byte-for-byte, stable on a second run, schema-valid.
using System.Text;

namespace NbRunner.Tests;

public sealed class UpdateTests
{
    [Fact]
    public async Task Update_ThenVerify_PassesAndSecondUpdateIsByteIdentical()
    {
        var copy = Runner.Copy("Update Roundtrip.ipynb");
        var original = File.ReadAllText(copy);

        var (updateExit, _) = await Runner.Run("update", copy);
        var afterFirst = File.ReadAllBytes(copy);
        var (verifyExit, verifyOutput) = await Runner.Run("verify", copy);
        await Runner.Run("update", copy);

        Assert.Equal(0, updateExit);
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Equal(afterFirst, File.ReadAllBytes(copy));
        var updated = Encoding.UTF8.GetString(afterFirst);
        Assert.Equal(WithoutOutputs(original), WithoutOutputs(updated));
        Assert.Contains("""
                  "outputs": [
                    {
                      "name": "stdout",
                      "output_type": "stream",
                      "text": [
                        "naïve ✓ \"quoted\" <b>&</b>\n"
                      ]
                    },
                    {
                      "data": {
                        "text/plain": [
                          "tab\there"
                        ]
                      },
                      "metadata": {},
                      "output_type": "display_data"
                    }
                  ],
                  "execution_count": 1
            """.ReplaceLineEndings("\n"), updated);
        Assert.Contains("\"execution_count\": 2,", updated);
        Assert.Contains("\"text\": [\n            \"first\\n\",\n            \"second\\n\"\n          ]", updated);
    }

    [Fact]
    public async Task Update_WrittenFile_ValidatesAgainstTheNbformatSchema()
    {
        var copy = Runner.Copy("Passing.ipynb");

        var (exitCode, output) = await Runner.Run("update", copy);

        Assert.True(exitCode == 0, output);
        var (validatorExit, validatorOutput) = ValidateWithNbformat(copy);
        Assert.True(validatorExit == 0, $"nbformat.validate rejected {copy}:\n{validatorOutput}");
    }

    /// <summary>The file with each "outputs" array and "execution_count" value blanked out.</summary>
    private static string WithoutOutputs(string notebook) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(notebook, "\"outputs\": (\\[\\]|\\[.*?\\n      \\])", "\"outputs\": X",
                System.Text.RegularExpressions.RegexOptions.Singleline),
            "\"execution_count\": (null|\\d+)", "\"execution_count\": X");

    private static (int ExitCode, string Output) ValidateWithNbformat(string path)
    {
        const string python = "/usr/bin/python3";
        Assert.True(File.Exists(python), $"expected Debian's {python} (with python3-nbformat) for schema validation, found none");
        var run = ChildProcess.Run(python, ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path],
            new Dictionary<string, string>(), Path.GetDirectoryName(path)!, TimeSpan.FromMinutes(1));
        var output = run.Output + run.Error;
        Assert.False(output.Contains("No module named 'nbformat'"),
            "python3-nbformat is not installed: run `apt-get install -y python3-nbformat` (.ci/run does this in CI)");
        return (run.ExitCode, output);
    }
}
