using Microsoft.Playwright;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>The live page in a browser tab the size of a laptop screen, as the end-to-end tests open it.</summary>
internal static class LivePage
{
    public static async Task<IPage> OpenAsync(IBrowser browser, Uri address)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        await page.GotoAsync(address.ToString());
        return page;
    }

    /// <summary>Both people tick their agreement and press Start, as on the consent screen.</summary>
    public static async Task ConsentAsync(IPage page)
    {
        await page.GetByLabel("Person A: I agree to being captured").CheckAsync();
        await page.GetByLabel("Person B: I agree to being captured").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
    }
}
