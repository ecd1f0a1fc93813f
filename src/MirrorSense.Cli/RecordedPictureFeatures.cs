using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Cli;

/// <summary>
/// What a live recording measured on its camera frames and kept in its features.csv: the pixel motion and, with
/// <c>live --face</c>, the face features. A re-analysis reads only the landmarks, so these values are its only pixel
/// motion and faces: they are put next to the re-extracted landmark features at each grid time, as a video's would be.
/// </summary>
internal sealed class RecordedPictureFeatures
{
    private readonly (Track A, Track B)[] _tracks;
    private readonly FeatureSchema _added;

    private RecordedPictureFeatures(string path, PoseFrameFeatures features, (Track A, Track B)[] tracks)
    {
        Path = path;
        Features = features;
        _tracks = tracks;
        _added = new FeatureSchema([.. features.Names.Skip(BodyFeatures.Names.Length)]);
    }

    /// <summary>The recorded features.csv the values come from.</summary>
    public string Path { get; }

    /// <summary>What the grid samples hold once joined: the landmarks' features and what was recorded of the pictures.</summary>
    public PoseFrameFeatures Features { get; }

    /// <summary>
    /// The folder's recorded pixel motion and face features, whole rows only; a part is left out when the recording
    /// did not measure it or not one value of it was measured (then gesture synchrony falls back to landmark motion,
    /// and there are no face measures). Null when nothing is left.
    /// </summary>
    /// <exception cref="SeriesFormatException">The recorded features.csv has a malformed row.</exception>
    public static RecordedPictureFeatures? Read(SessionFolder session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var recorded = session.Manifest.FeatureNames;
        var pixels = recorded.Contains(BodyFeatures.PixelMotion);
        var faces = FaceFeatures.Names.All(recorded.Contains);
        if ((!pixels && !faces) || session.Table(SessionRecorder.FeaturesFileName) is not { } table)
            return null;
        var wanted = new HashSet<string>([.. pixels ? [BodyFeatures.PixelMotion] : Array.Empty<string>(), .. faces ? FaceFeatures.Names : []]);
        var rows = FeatureCsvReader.ReadFeatures(table.Path, wanted, table.CompleteLength);
        bool Measured(string feature) => rows.Any(r => r.Feature == feature && double.IsFinite(r.Value.Value));
        var features = new PoseFrameFeatures(PixelMotion: pixels && Measured(BodyFeatures.PixelMotion), Faces: faces && Measured(FaceFeatures.Smile));
        if (!features.PixelMotion && !features.Faces)
            return null;
        var byFeature = rows.ToLookup(r => r.Feature, r => r.Value);
        (Track, Track)[] tracks = [.. features.Names.Skip(BodyFeatures.Names.Length).Select(name => (Track.Of(byFeature[name], Participant.A), Track.Of(byFeature[name], Participant.B)))];
        return new RecordedPictureFeatures(table.Path, features, tracks);
    }

    /// <summary>The grid sample with each participant's recorded values after its own features.</summary>
    /// <param name="sampleRate">The grid's rate: a recorded value counts for a grid time within half a step of it.</param>
    public FeatureSample Join(FeatureSample sample, double sampleRate)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var within = (long)(MediaTime.MicrosecondsPerSecond / (2 * sampleRate));
        var (a, b) = (new double[_tracks.Length], new double[_tracks.Length]);
        for (var f = 0; f < _tracks.Length; f++)
            (a[f], b[f]) = (_tracks[f].A.At(sample.Time, within), _tracks[f].B.At(sample.Time, within));
        return sample.Then(_added, a, b);
    }

    /// <summary>One participant's recorded values of one feature, sorted by time for a nearest-time search.</summary>
    private sealed class Track(long[] times, double[] values)
    {
        public static Track Of(IEnumerable<FeatureValue> rows, Participant participant)
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
