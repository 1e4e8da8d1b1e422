// The Chromium the browser tests drive through Playwright (no browser is downloaded) and how they launch it.
namespace TestSupport;

internal static class Chromium
{
    /// <summary>Debian's Chromium, or the browser <c>CHROMIUM_PATH</c> names (GitHub's Ubuntu runners ship Google Chrome).</summary>
    public static readonly string Path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    /// <summary>Headless, sandbox off (containers run as root), and none of the browser's own calls home.</summary>
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Fails with the package to install when the browser is missing.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"expected Chromium at {Path}, found nothing: run " +
                "`sudo apt-get install -y chromium` (.ci/run does this) or set CHROMIUM_PATH to a Chromium or Chrome binary");
        }
    }
}
