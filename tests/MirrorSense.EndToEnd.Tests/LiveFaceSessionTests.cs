using System.Globalization;
using Microsoft.Playwright;
using MirrorSense.Fixtures;
using MirrorSense.Sessions.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Testing;
using MirrorSense.Testing.Browser;
using MirrorSense.Sessions.Recording;
using MirrorSense.Vision;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Tests;
using MirrorSense.Vision.Tests.Faces;
using OpenCvSharp;
using Xunit.Abstractions;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>
/// <c>mirrorsense live --face</c> end to end (issues 14 and 15): two real faces through the piped camera at real-time
/// pace, smiling by known signals — B answering A's smiles a second later for the first half, smiling on its own in the
/// second — the page in headless Chromium draws each face's outline with its smile and gaze marker, the shared-smiles
/// meter and the Attention panel update while the body meters keep their rate, the shared smiles read higher while B
/// answers, and the recording's features hold each person's face features, which the post-session analysis reads back.
/// </summary>
public sealed class LiveFaceSessionTests(VirtualMicrophone pulse, ITestOutputHelper output) : IClassFixture<VirtualMicrophone>, IDisposable
{
    private const double Seconds = 70;

    /// <summary>B answers A's smiles until here, then smiles on its own.</summary>
    private const double AnsweringUntil = 35;

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
        var playing = System.Diagnostics.Stopwatch.StartNew();

        // Then the picture shows both faces drawn, and face markers, the shared-smiles meter and the Attention panel
        // update at least five times a second, while the posture meter still does
        var skeletons = page.Locator("#skeletons");
        await Assertions.Expect(skeletons).ToHaveAttributeAsync("data-faces", "2", new() { Timeout = 30000 });
        (string Name, string Selector, string Attribute)[] counters =
        [
            ("face markers", "body", "data-faces"),
            ("posture meter", "article.meter[data-channel=posture]", "data-updates"),
            ("shared smiles meter", "article.meter[data-channel=smiles]", "data-updates"),
            ("attention panel", "#attention", "data-updates"),
        ];
        var before = new int[counters.Length];
        for (var k = 0; k < counters.Length; k++)
            before[k] = await Count(page, counters[k].Selector, counters[k].Attribute);
        await Task.Delay(TimeSpan.FromSeconds(4));
        for (var k = 0; k < counters.Length; k++)
        {
            var rate = (await Count(page, counters[k].Selector, counters[k].Attribute) - before[k]) / 4.0;
            output.WriteLine($"{counters[k].Name}: {rate:0.0} updates/s");
            Assert.True(rate >= 5, $"The {counters[k].Name} updated {rate:0.0} times a second with faces on; at least 5 expected.\n{rig.Output}");
        }

        await Assertions.Expect(page.Locator("#attention-a .look-share")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ %$"));
        await Assertions.Expect(page.Locator("#faces-put-off")).ToBeVisibleAsync();
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "live-faces.png"), FullPage = true });

        // (and a second picture late in the answering stretch, once the shared-smiles window has filled with it)
        var late = TimeSpan.FromSeconds(AnsweringUntil - 3) - playing.Elapsed;
        if (late > TimeSpan.Zero)
            await Task.Delay(late);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "live-faces-answering.png"), FullPage = true });

        // And the recording's features give each person a smile on most grid points of the session
        Assert.True(rig.WaitForExit(TimeSpan.FromSeconds(120)), "mirrorsense live did not exit.\n" + rig.Output);
        Assert.Equal(0, rig.ExitCode);
        var smiles = FeatureCsvReader.ReadFeature(Path.Combine(rig.Record, "features.csv"), FaceFeatures.Smile);
        foreach (var who in new[] { Core.Participant.A, Core.Participant.B })
        {
            var own = smiles.Where(r => r.Participant == who && r.Time.Seconds > 5).ToList();
            var read = own.Count(r => double.IsFinite(r.Value));
            output.WriteLine($"{who}: smile read on {read} of {own.Count} grid points after 5 s; first unread at {string.Join(" ", own.Where(r => !double.IsFinite(r.Value)).Take(20).Select(r => r.Time.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))}");
            Assert.True(read > 0.8 * own.Count && own.Count > 300, $"{who}: smile on {read} of {own.Count} grid points");
        }

        // And the post-session analysis of the recording takes its faces from what was recorded (it has no pictures)
        var analysed = FeatureCsvReader.ReadFeature(Path.Combine(rig.Record, "analysis", "features.csv"), FaceFeatures.Smile);
        Assert.True(analysed.Count(r => double.IsFinite(r.Value)) > 0.8 * smiles.Count(r => double.IsFinite(r.Value)), $"{analysed.Count} smile rows analysed");

        // And the recorded shared-smiles meter read higher while B answered A than while B smiled alone (each stretch
        // once the 20 s window had filled with it)
        var shared = SharedSmiles(Path.Combine(rig.Record, SessionRecorder.CoordinationFileName));
        double Mean(double from, double to) => shared.Where(r => r.Time >= from && r.Time < to && double.IsFinite(r.Index)).Select(r => r.Index).DefaultIfEmpty(double.NaN).Average();
        var (answering, alone) = (Mean(22, AnsweringUntil), Mean(AnsweringUntil + 20, Seconds));
        output.WriteLine($"shared smiles: {answering:0.0} while B answers A, {alone:0.0} while B smiles alone");
        Assert.True(answering > alone + 15, $"Shared smiles read {answering:0.0} while B answered and {alone:0.0} while B smiled alone.");
    }

    /// <summary>The shared-smiles rows of a recorded <c>coordination.csv</c>: time and index.</summary>
    private static List<(double Time, double Index)> SharedSmiles(string path) =>
    [
        .. File.ReadLines(path).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells[1] == CoordinationUpdateCsvWriter.MeasureName(Core.LiveChannel.Smiles))
            .Select(cells => (double.Parse(cells[0], CultureInfo.InvariantCulture), cells[2].Length == 0 ? double.NaN : double.Parse(cells[2], CultureInfo.InvariantCulture))),
    ];

    /// <summary>
    /// Face-api's close-up portrait (sample 3, cut to her alone) twice, mirrored on the left (A) and as is on the right
    /// (B), moving gently up and down in opposite directions so the faces are tracked, not found once. Each smiles by
    /// its mouth corners warped (<see cref="MouthCornerWarp"/>): A now and then, B with A's smiles a second later until
    /// <see cref="AnsweringUntil"/>, then with smiles of its own.
    /// </summary>
    private static string TwoFaces(string path)
    {
        using var photo = FacePhotos.Read(3);
        using var crop = new Mat(photo, new Rect(408, 109, 560, 720));
        using var portrait = crop.Resize(new Size(280, 360), 0, 0, InterpolationFlags.Area);
        var warp = new MouthCornerWarp(PortraitMesh(portrait));
        var random = new Random(5);
        var (smilesA, smilesB) = (SmileTimes(random), SmileTimes(random));
        double SmileB(double t) => t < AnsweringUntil ? Smile(smilesA, t - 1) : Smile(smilesB, t);
        using var writer = new VideoWriter(path, FourCC.MJPG, 30, new Size(640, 480));
        using var frame = new Mat(480, 640, MatType.CV_8UC3);
        for (var i = 0; i < Seconds * 30; i++)
        {
            var t = i / 30.0;
            var dy = (int)Math.Round(6 * Math.Sin(t * 2));
            using var a = Smiling(portrait, warp, Smile(smilesA, t));
            using var mirrored = a.Flip(FlipMode.Y);
            using var b = Smiling(portrait, warp, SmileB(t));
            frame.SetTo(new Scalar(128, 128, 128));
            mirrored.CopyTo(new Mat(frame, new Rect(20, 60 + dy, 280, 360)));
            b.CopyTo(new Mat(frame, new Rect(340, 60 - dy, 280, 360)));
            writer.Write(frame);
        }

        return path;
    }

    private static Mat Smiling(Mat portrait, MouthCornerWarp warp, double strength) => strength > 0.01 ? warp.Apply(portrait, strength) : portrait.Clone();

    /// <summary>Smiles at random moments, about one every 5 s: (start, hold, strength).</summary>
    private static List<(double Start, double Hold, double Strength)> SmileTimes(Random random)
    {
        var smiles = new List<(double, double, double)>();
        for (var t = 1 + 3 * random.NextDouble(); t < Seconds; t += 3 + 4 * random.NextDouble())
            smiles.Add((t, 1 + 1.5 * random.NextDouble(), 0.6 + 0.4 * random.NextDouble()));
        return smiles;
    }

    /// <summary>How far the smiles stand at <paramref name="t"/>: each rises over 0.4 s, holds, and falls over 0.6 s.</summary>
    private static double Smile(List<(double Start, double Hold, double Strength)> smiles, double t) =>
        smiles.Select(s => s.Strength * Math.Min(Math.Clamp((t - s.Start) / 0.4, 0, 1), Math.Clamp((s.Start + 1 + s.Hold - t) / 0.6, 0, 1))).DefaultIfEmpty(0).Max();

    /// <summary>The portrait's face mesh in the portrait's own pixels, found with the portrait placed alone in a camera-sized frame.</summary>
    private static Core.FaceMesh PortraitMesh(Mat portrait)
    {
        using var frame = new Mat(480, 640, MatType.CV_8UC3, new Scalar(128, 128, 128));
        portrait.CopyTo(new Mat(frame, new Rect(340, 60, 280, 360)));
        using var estimator = new PoseEstimator(new PoseOptions(MaxPeople: 1, Only: Core.Participant.A));
        using var faces = new FaceStage();
        var mesh = faces.Estimate(frame, estimator.Process(frame, Core.MediaTime.Zero)).Of(Core.Participant.A)?.Mesh
            ?? throw new InvalidOperationException("No trusted face in the portrait.");
        return mesh with { Points = [.. mesh.Points.Select(p => new Core.FacePoint(p.X - 340, p.Y - 60, p.Z))] };
    }

    private static async Task<int> Count(IPage page, string selector, string attribute) =>
        int.Parse(await page.Locator(selector).First.GetAttributeAsync(attribute) ?? "0", CultureInfo.InvariantCulture);

    public void Dispose() => _folder.Dispose();
}
