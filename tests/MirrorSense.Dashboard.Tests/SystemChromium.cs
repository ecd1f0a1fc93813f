using Microsoft.Playwright;

namespace MirrorSense.Testing.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (TESTING.md): never a downloaded browser, with the launch flags that work
/// as root without a display. Shared as source by the test projects that drive the page (each already references
/// Playwright; the common helpers project does not, so the others do not carry its driver).
/// </summary>
internal static class SystemChromium
{
    public const string Path = "/usr/bin/chromium";

    public static void SkipIfMissing() =>
        Skip.IfNot(File.Exists(Path), $"The browser test drives the system Chromium at {Path} (Debian package 'chromium'); it is not installed.");

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary>Starts Playwright without letting it fetch a browser.</summary>
    public static Task<IPlaywright> StartPlaywrightAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.CreateAsync();
    }
}
