using MirrorSense.Fixtures;
using OpenCvSharp;

namespace MirrorSense.Bench.Calibration;

/// <summary>What the camera adds to a constructed body session on top of the two people's own movement.</summary>
internal enum BodyNuisance
{
    None,
    Flicker,
    Shake,
    Reencoded,
    LeavingAndReturning,
    SharedTrend,
}

/// <summary>
/// One constructed body session of the calibration corpus: two real people (crops of the photo sheet) leaning by
/// designed signals, in one frame or one camera each, with a camera nuisance; everything drawn from one seed.
/// </summary>
internal sealed record BodySession(string Kind, bool IsNull, int Seed, double Seconds, bool TwoCameras, BodyNuisance Nuisance, double DesignedLagSeconds, bool Mirrored)
{
    /// <summary>People of @vladmandic/human's samples.jpg (MIT), top row: (x, y, width, height) in the 1280-wide sheet.</summary>
    private static readonly Rect[] People =
    [
        new(166, 0, 152, 158), // seated woman
        new(325, 0, 212, 158), // seated man
        new(0, 0, 157, 158), // standing woman (rendered)
        new(544, 0, 89, 158), // standing woman, dark top
        new(643, 0, 144, 158), // standing woman, crop top
        new(797, 0, 104, 158), // woman on a stool
    ];

    public string Name => $"{Kind.Replace(':', '-')}-{Seed}";

    /// <summary>Writes the session's video(s) into <paramref name="folder"/> and returns mirrorsense analyze's video arguments.</summary>
    public IReadOnlyList<string> Write(string folder, Mat sheet)
    {
        var random = new Random(Seed);
        var (left, right) = TwoPeople(sheet, random);
        var leanA = BodyMotion.Any(random, Seconds);
        var ownB = BodyMotion.Any(random, Seconds);
        var leanB = IsNull ? ownB : BodyMotion.Following(leanA, ownB, share: 0.6, DesignedLagSeconds, Mirrored);
        if (Nuisance == BodyNuisance.SharedTrend)
        {
            // Both lean further over the session, the same way on screen or mirror-wise (both towards or away from the middle).
            var slope = (random.Next(2) == 0 ? 1 : -1) * (4 + 6 * random.NextDouble()) / Seconds;
            var sign = random.Next(2) == 0 ? 1 : -1;
            var (a, b) = (leanA, leanB);
            (leanA, leanB) = (t => a(t) + slope * t, t => b(t) + sign * slope * t);
        }

        var video = new ConstructedDyadVideo(Seconds: Seconds)
        {
            Camera = Nuisance switch
            {
                BodyNuisance.Flicker => CameraNuisance.Flicker(random, Seconds),
                BodyNuisance.Shake => CameraNuisance.Shake(random, Seconds),
                _ => null,
            },
            Hidden = Nuisance == BodyNuisance.LeavingAndReturning ? Absences(random) : [],
        };
        var both = Path.Combine(folder, "both.avi");
        using (left)
        using (right)
            video.Write(both, left, right, leanA, leanB);
        if (TwoCameras)
        {
            var (a, b) = (Path.Combine(folder, "a.avi"), Path.Combine(folder, "b.avi"));
            Ffmpeg("-i", both, "-vf", "crop=320:480:0:0", "-c:v", "mjpeg", "-q:v", "3", a);
            Ffmpeg("-i", both, "-vf", "crop=320:480:320:0", "-c:v", "mjpeg", "-q:v", "3", b);
            File.Delete(both);
            return ["--video-a", a, "--video-b", b];
        }

        if (Nuisance == BodyNuisance.Reencoded)
        {
            // Heavy compression: blocks and smearing that change with the whole picture's content.
            var encoded = Path.Combine(folder, "reencoded.mp4");
            Ffmpeg("-i", both, "-c:v", "libx264", "-preset", "veryfast", "-crf", "38", "-pix_fmt", "yuv420p", encoded);
            File.Delete(both);
            return ["--video", encoded];
        }

        return ["--video", both];
    }

    /// <summary>Two different people, in random order.</summary>
    private static (Mat Left, Mat Right) TwoPeople(Mat sheet, Random random)
    {
        var first = random.Next(People.Length);
        var second = (first + 1 + random.Next(People.Length - 1)) % People.Length;
        return (Crop(sheet, People[first]), Crop(sheet, People[second]));
    }

    private static Mat Crop(Mat sheet, Rect at)
    {
        using var person = new Mat(sheet, at);
        return person.Resize(new Size(0, 0), 3, 3, InterpolationFlags.Cubic);
    }

    /// <summary>One to three stretches of 3–8 s with one person out of view, or both (a tracker then re-detects both at once).</summary>
    private IReadOnlyList<(bool Left, double From, double To)> Absences(Random random)
    {
        var absences = new List<(bool, double, double)>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var from = (Seconds - 10) * random.NextDouble();
            var to = from + 3 + 5 * random.NextDouble();
            switch (random.Next(3))
            {
                case 0: absences.Add((true, from, to)); break;
                case 1: absences.Add((false, from, to)); break;
                default: absences.Add((true, from, to)); absences.Add((false, from, to)); break;
            }
        }

        return absences;
    }

    private static void Ffmpeg(params string[] arguments) => ChildProgram.Run("ffmpeg", ["-y", "-loglevel", "error", .. arguments]);
}
