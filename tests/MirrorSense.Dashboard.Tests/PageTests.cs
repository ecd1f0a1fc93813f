using MirrorSense.Testing.Browser;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MirrorSense.Core;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.Dashboard.Tests;

/// <summary>
/// The page in the system Chromium, driven by Playwright: consent by clicking, live meters, no emotion words,
/// and a screenshot kept in the test output (screenshots/) for a person to look at.
/// </summary>
public sealed partial class PageTests(ITestOutputHelper output) : IAsyncLifetime
{

    private readonly TempFolder _folder = new("mirrorsense-page-");
    // Media time 0 is now, as in a live session, so the page's capture-to-screen delay is a real measurement.
    private readonly LiveFeed _live = new(DateTimeOffset.UtcNow);
    private readonly CancellationTokenSource _stop = new();
    private DashboardServer? _server;
    private Task _feeding = Task.CompletedTask;

    private static string Screenshots => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync() =>
        _server = await DashboardServer.StartAsync(new DashboardOptions(Port: 0, Title: "MirrorSense live: practice room"), _live.Feed);

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _feeding;
        if (_server is not null)
            await _server.DisposeAsync();
        _live.Dispose();
        _stop.Dispose();
        _folder.Dispose();
    }

    [SkippableFact]
    public async Task Should_show_live_meters_after_both_people_agree_and_update_them_at_the_engine_rate()
    {
        SystemChromium.SkipIfMissing();
        var server = _server!;
        var camera = Jpegs.Plain(_folder, Dyads.Width, Dyads.Height);
        Directory.CreateDirectory(Screenshots);

        // Given the system Chromium (Playwright never downloads a browser here)
        using var playwright = await SystemChromium.StartPlaywrightAsync();
        await using var browser = await SystemChromium.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await NewPageAsync(browser, problems);

        // When the page opens, it asks for consent first and Start waits for both ticks
        await page.GotoAsync(server.Address.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before we start" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "consent.png"), FullPage = true });
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start" });
        await page.GetByLabel("Person A: I agree to being captured").CheckAsync();
        await Assertions.Expect(start).ToBeDisabledAsync();
        Assert.False(server.ConsentGiven.IsCompleted);
        await page.GetByLabel("Person B: I agree to being captured").CheckAsync();
        await start.ClickAsync();
        await server.ConsentGiven.WaitAsync(TimeSpan.FromSeconds(10));

        // And the engine emits at 10 per second once capture runs
        _feeding = FeedAsync(camera, _stop.Token);
        var posture = page.Locator("article.meter[data-channel=posture]");
        await Assertions.Expect(posture).Not.ToHaveAttributeAsync("data-updates", "0");

        // Then the meters update at least 5 times per second
        var before = int.Parse(await posture.GetAttributeAsync("data-updates") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = int.Parse(await posture.GetAttributeAsync("data-updates") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"posture meter: {after - before} updates in 2 s");
        Assert.True(after - before >= 10, $"The posture meter updated {after - before} times in 2 s; at least 10 expected.");

        // And it reads as a trainee should see it
        await Assertions.Expect(posture.Locator(".state")).ToHaveTextAsync("In your range");
        await Assertions.Expect(posture.Locator(".leader")).ToHaveTextAsync("A leads by 0.8 s");
        await Assertions.Expect(posture.Locator(".confidence")).ToHaveTextAsync("confidence 80 %");
        await Assertions.Expect(page.Locator("article.meter[data-channel=tempo] .index")).ToHaveTextAsync("–");
        await Assertions.Expect(page.Locator("#cue")).ToContainTextAsync("in step");
        await Assertions.Expect(page.Locator("#dropped")).ToContainTextAsync(" of ");
        await Assertions.Expect(page.Locator("#latency")).ToHaveTextAsync(new Regex(@"^\d+ ms$"));
        await Assertions.Expect(page.Locator("#no-video")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#skeletons")).ToHaveAttributeAsync("data-match", "same_moment");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a few more trend points and skeleton frames for the picture
        var screenshot = Path.Combine(Screenshots, "live.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        // And nowhere does the page name an emotion
        var text = await page.Locator("body").InnerTextAsync();
        var emotions = EmotionWords().Matches(text).Select(m => m.Value).ToList();
        Assert.True(emotions.Count == 0, $"Emotion words on the page: {string.Join(", ", emotions)}");

        // When the session ends, the page links the report
        server.SessionEnded(_folder.Write("report.html", "<h1>Session report</h1>"));
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Your session report" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        Assert.Equal("/report", await link.GetAttributeAsync("href"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "ended.png"), FullPage = true });
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_show_the_shared_smiles_meter_and_the_attention_panel_only_once_the_session_reads_faces()
    {
        SystemChromium.SkipIfMissing();

        // Given a live page (both agreed) fed updates without faces
        using var playwright = await SystemChromium.StartPlaywrightAsync();
        await using var browser = await SystemChromium.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await AgreedPageAsync(browser, problems);
        await _server!.ConsentGiven.WaitAsync(TimeSpan.FromSeconds(10));
        var smiles = page.Locator("article.meter[data-channel=smiles]");
        var attention = page.Locator("#attention");
        var posture = page.Locator("article.meter[data-channel=posture]");
        _live.Updates.OnNext(Readings.Update(1, 60));
        await Assertions.Expect(posture).ToHaveAttributeAsync("data-updates", "1");

        // Then neither the smiles meter nor the attention panel shows, while the voice cards for volume and liveliness do
        await Assertions.Expect(smiles).ToBeHiddenAsync();
        await Assertions.Expect(attention).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("article.meter[data-channel=volume] h2")).ToHaveTextAsync("Voice volume");
        await Assertions.Expect(page.Locator("article.meter[data-channel=inflection] h2")).ToHaveTextAsync("Voice liveliness");

        // When an update with faces arrives: B answers A's smiles, A looks at B 72 % of the time and nodded 4 times in 90 s of B's speech
        var faces = Readings.Update(2, 60) with
        {
            Channels = [.. Readings.Update(2, 60).Channels, new ChannelReading(LiveChannel.Smiles, 88, 0.9, 0.5, 1.0, Participant.A, ChannelState.InBand)],
            Attention = new AttentionReading(TimeSpan.FromMinutes(2), 0.72, 0.4, true, null, 4, 0, 90, 20, 0.95, 0.6),
        };
        _live.Updates.OnNext(faces);

        // Then the smiles meter and the attention panel show them in plain words
        await Assertions.Expect(smiles.Locator(".index")).ToHaveTextAsync("88");
        await Assertions.Expect(smiles.Locator(".leader")).ToHaveTextAsync("A leads by 1.0 s");
        await Assertions.Expect(attention).ToBeVisibleAsync();
        await Assertions.Expect(attention).ToHaveAttributeAsync("data-updates", "1");
        await Assertions.Expect(page.Locator("#attention-a .look-share")).ToHaveTextAsync("72 %");
        await Assertions.Expect(page.Locator("#attention-a .look-now")).ToHaveTextAsync("looking at B");
        await Assertions.Expect(page.Locator("#attention-a .nods")).ToHaveTextAsync("4 nods while B spoke (2.7 a minute)");
        await Assertions.Expect(page.Locator("#attention-b .look-now")).ToHaveTextAsync("face not seen");
        await Assertions.Expect(page.Locator("#attention-b .nods")).ToHaveTextAsync("0 nods while A spoke");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "attention.png"), FullPage = true });
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Should_draw_over_each_picture_the_skeletons_of_its_own_moment_rather_than_the_newest()
    {
        SystemChromium.SkipIfMissing();
        var camera = Jpegs.Plain(_folder, Dyads.Width, Dyads.Height);

        // Given a live page (both agreed) that has seen a picture, so skeletons in pixels can be placed
        using var playwright = await SystemChromium.StartPlaywrightAsync();
        await using var browser = await SystemChromium.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await AgreedPageAsync(browser, problems);
        var overlay = page.Locator("#skeletons");
        await ShowPictureAsync(overlay, 0.5, camera);

        // And skeletons of 1.0, 1.1 and 1.2 s, each arrived before the next is sent (the server samples skeletons)
        var received = 0;
        foreach (var seconds in new[] { 1.0, 1.1, 1.2 })
        {
            _live.Poses.OnNext(Dyads.Frame(seconds));
            await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-poses", (++received).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // When the picture of 1.1 s comes after all three, as pictures and skeletons travel separately
        await ShowPictureAsync(overlay, 1.1, camera);

        // Then the skeletons over it are those of 1.1 s, drawn fully
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-pose", "1.1");
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-match", "same_moment");

        // When a picture has no skeletons within 0.1 s, the nearest ones (1.2 s) are drawn faded
        await ShowPictureAsync(overlay, 1.45, camera);
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-pose", "1.2");
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-match", "approximate");

        // When a picture has none within a second, none are drawn
        await ShowPictureAsync(overlay, 3.5, camera);
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-pose", "");
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-match", "none");
        Assert.Empty(problems);
    }

    private async Task ShowPictureAsync(ILocator overlay, double seconds, byte[] camera)
    {
        _live.Video.OnNext(new VideoFrame(MediaTime.FromSeconds(seconds), camera));
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-picture", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A page the size of the practice-room screen that collects the console's errors into <paramref name="problems"/>.</summary>
    private static async Task<IPage> NewPageAsync(IBrowser browser, List<string> problems)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                problems.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => problems.Add(error);
        return page;
    }

    /// <summary>A new page on the live page with both people's agreement given.</summary>
    private async Task<IPage> AgreedPageAsync(IBrowser browser, List<string> problems)
    {
        var page = await NewPageAsync(browser, problems);
        await page.GotoAsync(_server!.Address.ToString());
        await page.GetByLabel("Person A: I agree to being captured").CheckAsync();
        await page.GetByLabel("Person B: I agree to being captured").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        return page;
    }

    /// <summary>What the live command would send: updates, skeletons and camera frames at 10 Hz, health at 2 Hz, one cue.</summary>
    private async Task FeedAsync(byte[] camera, CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            for (var n = 0; await tick.WaitForNextTickAsync(cancellationToken); n++)
            {
                // Media time follows the wall clock, as a camera's does.
                var seconds = (DateTimeOffset.UtcNow - _live.Feed.MediaTimeZero).TotalSeconds;
                var index = 62 + (12 * Math.Sin(n / 8.0));
                var cue = n == 5 ? Readings.Cue(seconds, "You two are in step on posture. Keep it natural.") : null;
                _live.Video.OnNext(new VideoFrame(MediaTime.FromSeconds(seconds), camera));
                _live.Poses.OnNext(Dyads.Frame(seconds, sway: (float)(15 * Math.Sin(n / 5.0))));
                _live.Updates.OnNext(Readings.Update(seconds, index, cue, talkShareA: 0.5 + (0.1 * Math.Sin(n / 20.0))));
                if (n % 5 == 0)
                    _live.Health.OnNext(Readings.Health(seconds, 30L * (n + 1), n / 10));
            }
        }
        catch (OperationCanceledException)
        {
            // The test is over.
        }
    }

    [GeneratedRegex(@"\b(happy|happiness|sad|sadness|angry|anger|fear|afraid|disgust|surprise[d]?|joy|emotion(al|s)?|mood|anxious|nervous|calm|excited|upset|frustrat\w*|bored|stress\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmotionWords();
}
