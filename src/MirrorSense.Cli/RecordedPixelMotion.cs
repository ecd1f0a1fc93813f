using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Cli;

/// <summary>
/// The pixel motion a live recording measured on its camera frames (the <c>pixel_motion</c> rows of its features.csv).
/// A re-analysis reads only the landmarks, so these values are its only pixel motion: they are put next to the
/// re-extracted landmark features at each grid time, as a video's would be.
/// </summary>
internal sealed class RecordedPixelMotion
{
    private readonly Track _a;
    private readonly Track _b;

    private RecordedPixelMotion(string path, Track a, Track b)
    {
        Path = path;
        _a = a;
        _b = b;
    }

    /// <summary>The recorded features.csv the values come from.</summary>
    public string Path { get; }

    /// <summary>
    /// The folder's recorded pixel motion, whole rows only; null when the recording has none (its features did not
    /// include pixel motion, or not one value was measured), so gesture synchrony falls back to landmark motion.
    /// </summary>
    /// <exception cref="SeriesFormatException">The recorded features.csv has a malformed row.</exception>
    public static RecordedPixelMotion? Read(SessionFolder session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Manifest.FeatureNames.Contains(BodyFeatures.PixelMotion) || session.Table(SessionRecorder.FeaturesFileName) is not { } table)
            return null;
        var rows = FeatureCsvReader.ReadFeature(table.Path, BodyFeatures.PixelMotion, table.CompleteLength);
        if (!rows.Any(r => double.IsFinite(r.Value)))
            return null;
        return new RecordedPixelMotion(table.Path, Track.Of(rows, Participant.A), Track.Of(rows, Participant.B));
    }

    private static readonly FeatureSchema PixelMotion = new([BodyFeatures.PixelMotion]);

    /// <summary>The grid sample with each participant's recorded pixel motion after its own features.</summary>
    /// <param name="sampleRate">The grid's rate: a recorded value counts for a grid time within half a step of it.</param>
    public FeatureSample Join(FeatureSample sample, double sampleRate)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var within = (long)(MediaTime.MicrosecondsPerSecond / (2 * sampleRate));
        return sample.Then(PixelMotion, [_a.At(sample.Time, within)], [_b.At(sample.Time, within)]);
    }

    /// <summary>One participant's recorded values, sorted by time for a nearest-time search.</summary>
    private sealed class Track(long[] times, double[] values)
    {
        public static Track Of(IReadOnlyList<FeatureValue> rows, Participant participant)
        {
            var own = rows.Where(r => r.Participant == participant).ToList();
            long[] times = [.. own.Select(r => r.Time.Microseconds)];
            double[] values = [.. own.Select(r => r.Value)];
            // The recorder writes in time order; sorting only matters for a hand-edited table.
            Array.Sort(times, values);
            return new Track(times, values);
        }

        /// <summary>The value nearest to <paramref name="time"/>, or NaN when none lies within <paramref name="within"/> µs: a missing value, never a zero.</summary>
        public double At(MediaTime time, long within)
        {
            var index = Array.BinarySearch(times, time.Microseconds);
            if (index >= 0)
                return values[index];
            var after = ~index;
            var nearest = after == times.Length || (after > 0 && time.Microseconds - times[after - 1] <= times[after] - time.Microseconds) ? after - 1 : after;
            return nearest >= 0 && Math.Abs(times[nearest] - time.Microseconds) <= within ? values[nearest] : double.NaN;
        }
    }
}
