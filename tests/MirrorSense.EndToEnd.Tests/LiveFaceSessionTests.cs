using System.Globalization;
using Microsoft.Playwright;
using MirrorSense.Fixtures;
using MirrorSense.Sessions.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Testing;
using MirrorSense.Testing.Browser;
using MirrorSense.Vision.Tests;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>
/// <c>mirrorsense live --face</c> end to end (issue 14): two real faces through the piped camera at real-time pace, the
/// page in headless Chromium draws each face's outline with its smile and gaze marker while the body meters keep their
/// rate, and the recording's features hold each person's face features, which the post-session analysis reads back.
/// </summary>
public sealed class LiveFaceSessionTests(VirtualMicrophone pulse, ITestOutputHelper output) : IClassFixture<VirtualMicrophone>, IDisposable
{
    private const double Seconds = 30;

    private readonly TempFolder _folder = new("mirrorsense-live-faces-");

    private static string Screenshots => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [SkippableFact]
    public async Task The_page_draws_both_faces_with_their_markers_and_the_recording_keeps_their_features()
    {
        SystemChromium.SkipIfMissing();
        pulse.SkipIfUnavailable();
        var video = TwoFaces(_folder.Combine("faces.avi"));
        var voices = _folder.Combine("voices.wav");
        ConstructedSession.WriteVoices(voices, Seconds, [new('A', "How was the week for you?", 50, 160), new('B', "It was busy but mostly fine.", 80, 170)]);

        // Given mirrorsense live with faces on a piped camera, its page in Chromium
        using var rig = new LiveRig(pulse, _folder, "--face", "--duration", (Seconds - 2).ToString(CultureInfo.InvariantCulture), "--linger", "0");
        var address = await rig.Address.WaitAsync(TimeSpan.FromSeconds(60));
        using var playwright = await SystemChromium.StartPlaywrightAsync();
        await using var browser = await SystemChromium.LaunchAsync(playwright);
        var page = await LivePage.OpenAsync(browser, address);

        // When both agree and the faces play
        await LivePage.ConsentAsync(page);
        await Task.Delay(TimeSpan.FromSeconds(1));
        rig.Play(video, voices);

        // Then the picture shows both faces drawn, face markers arrive at least five times a second, and the posture meter still updates as often
        var skeletons = page.Locator("#skeletons");
        await Assertions.Expect(skeletons).ToHaveAttributeAsync("data-faces", "2", new() { Timeout = 30000 });
        var (faces, posture) = (await Count(page, "body", "data-faces"), await Count(page, "article.meter[data-channel=posture]", "data-updates"));
        await Task.Delay(TimeSpan.FromSeconds(4));
        var faceRate = (await Count(page, "body", "data-faces") - faces) / 4.0;
        var postureRate = (await Count(page, "article.meter[data-channel=posture]", "data-updates") - posture) / 4.0;
        output.WriteLine($"face markers {faceRate:0.0}/s, posture meter {postureRate:0.0} updates/s");
        Assert.True(faceRate >= 5, $"Face markers arrived {faceRate:0.0} times a second; at least 5 expected.\n{rig.Output}");
        Assert.True(postureRate >= 5, $"The posture meter updated {postureRate:0.0} times a second with faces on; at least 5 expected.\n{rig.Output}");
        await Assertions.Expect(page.Locator("#faces-put-off")).ToBeVisibleAsync();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "live-faces.png"), FullPage = true });

        // And the recording's features give each person a smile on most grid points of the session
        Assert.True(rig.WaitForExit(TimeSpan.FromSeconds(120)), "mirrorsense live did not exit.\n" + rig.Output);
        Assert.Equal(0, rig.ExitCode);
        var smiles = FeatureCsvReader.ReadFeature(Path.Combine(rig.Record, "features.csv"), FaceFeatures.Smile);
        foreach (var who in new[] { Core.Participant.A, Core.Participant.B })
        {
            var own = smiles.Where(r => r.Participant == who && r.Time.Seconds > 5).ToList();
            var read = own.Count(r => double.IsFinite(r.Value));
            output.WriteLine($"{who}: smile read on {read} of {own.Count} grid points after 5 s; unread at {string.Join(" ", own.Where(r => !double.IsFinite(r.Value)).Select(r => r.Time.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))}");
            Assert.True(read > 0.8 * own.Count && own.Count > 300, $"{who}: smile on {read} of {own.Count} grid points");
        }

        // And the post-session analysis of the recording takes its faces from what was recorded (it has no pictures)
        var analysed = FeatureCsvReader.ReadFeature(Path.Combine(rig.Record, "analysis", "features.csv"), FaceFeatures.Smile);
        Assert.True(analysed.Count(r => double.IsFinite(r.Value)) > 0.8 * smiles.Count(r => double.IsFinite(r.Value)), $"{analysed.Count} smile rows analysed");
    }

    /// <summary>
    /// Face-api's close-up portrait (sample 3, cut to her alone) twice, mirrored on the left (A) and as is on the right
    /// (B), moving gently up and down in opposite directions so the faces are tracked, not found once.
    /// </summary>
    private static string TwoFaces(string path)
    {
        using var photo = FacePhotos.Read(3);
        using var crop = new Mat(photo, new Rect(408, 109, 560, 720));
        using var portrait = crop.Resize(new Size(280, 360), 0, 0, InterpolationFlags.Area);
        using var mirrored = portrait.Flip(FlipMode.Y);
        using var writer = new VideoWriter(path, FourCC.MJPG, 30, new Size(640, 480));
        using var frame = new Mat(480, 640, MatType.CV_8UC3);
        for (var i = 0; i < Seconds * 30; i++)
        {
            var dy = (int)Math.Round(6 * Math.Sin(i / 30.0 * 2));
            frame.SetTo(new Scalar(128, 128, 128));
            mirrored.CopyTo(new Mat(frame, new Rect(20, 60 + dy, 280, 360)));
            portrait.CopyTo(new Mat(frame, new Rect(340, 60 - dy, 280, 360)));
            writer.Write(frame);
        }

        return path;
    }

    private static async Task<int> Count(IPage page, string selector, string attribute) =>
        int.Parse(await page.Locator(selector).First.GetAttributeAsync(attribute) ?? "0", CultureInfo.InvariantCulture);

    public void Dispose() => _folder.Dispose();
}
