using OpenCvSharp;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// Things a camera does to the whole picture, and so to both people at the same instant: the frame-wide
/// events that must not count as coordination (MEASURES.md §5). Each is a frame filter for
/// <c>ConstructedDyadVideo.Camera</c>, drawn from a seed.
/// </summary>
internal static class CameraNuisance
{
    /// <summary>Exposure: brightness wanders by up to ±30 % and jumps at random moments (auto-exposure, a lamp switched).</summary>
    public static Action<double, Mat> Flicker(Random random, double seconds)
    {
        var slow = BodyMotion.Drifting(random, amplitude: 0.15);
        var jumps = Moments(random, seconds, every: 8).Select(at => (At: at, Gain: 0.7 + 0.6 * random.NextDouble())).ToArray();
        return (t, frame) =>
        {
            var gain = 1 + slow(t);
            foreach (var (at, jump) in jumps)
                if (t >= at && t < at + 1.5)
                    gain *= jump;
            frame.ConvertTo(frame, -1, gain, 0);
        };
    }

    /// <summary>A hand-held or knocked camera: a small tremor (±0.6°, ±3 px) and jolts of up to 3° and 15 px that settle within a second.</summary>
    public static Action<double, Mat> Shake(Random random, double seconds)
    {
        var tremor = (Angle: Tremor(random, 0.6), X: Tremor(random, 3), Y: Tremor(random, 3));
        var jolts = Moments(random, seconds, every: 10)
            .Select(at => (At: at, Angle: 6 * random.NextDouble() - 3, X: 30 * random.NextDouble() - 15, Y: 30 * random.NextDouble() - 15))
            .ToArray();
        return (t, frame) =>
        {
            double angle = tremor.Angle(t), x = tremor.X(t), y = tremor.Y(t);
            foreach (var jolt in jolts)
            {
                var since = t - jolt.At;
                if (since < 0 || since > 1)
                    continue;
                var decay = Math.Exp(-4 * since) * Math.Cos(12 * since);
                (angle, x, y) = (angle + jolt.Angle * decay, x + jolt.X * decay, y + jolt.Y * decay);
            }

            using var move = Cv2.GetRotationMatrix2D(new Point2f(frame.Width / 2f, frame.Height / 2f), angle, 1);
            move.Set(0, 2, move.At<double>(0, 2) + x);
            move.Set(1, 2, move.At<double>(1, 2) + y);
            using var copy = frame.Clone();
            Cv2.WarpAffine(copy, frame, move, frame.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        };
    }

    /// <summary>Random moments about <paramref name="every"/> seconds apart.</summary>
    private static IEnumerable<double> Moments(Random random, double seconds, double every)
    {
        for (var at = every * random.NextDouble(); at < seconds; at += every * (0.5 + random.NextDouble()))
            yield return at;
    }

    /// <summary>A fast wobble: sinusoids of 1–4 Hz with random phases.</summary>
    private static Func<double, double> Tremor(Random random, double amplitude)
    {
        var parts = Enumerable.Range(0, 3).Select(_ => (Hz: 1 + 3 * random.NextDouble(), Phase: 2 * Math.PI * random.NextDouble())).ToArray();
        return t => amplitude / parts.Length * parts.Sum(p => Math.Sin(2 * Math.PI * p.Hz * t + p.Phase));
    }
}
