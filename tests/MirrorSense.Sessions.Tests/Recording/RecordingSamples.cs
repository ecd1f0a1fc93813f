using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Sessions.Tests.Recording;

/// <summary>Deterministic records of each kind a live session produces, a ramp over frame numbers.</summary>
internal static class RecordingSamples
{
    public static readonly string[] FeatureNames = ["lean_sideways", "motion_body"];

    public static RecordingManifest Manifest(DateTimeOffset started, IReadOnlyList<RawMediaFile>? rawMedia = null) =>
        new("1.2.3", started, new Dictionary<string, string> { ["camera"] = "/dev/video0 (640x480 @ 30 fps)", ["microphone_a"] = "pulse:mic-a" },
            new Dictionary<string, string> { ["grid_hz"] = "30" }, MediaTime.Zero, FeatureNames)
        {
            RawMedia = rawMedia ?? [],
        };

    /// <summary>Both people at frame <paramref name="k"/> of 30 fps: every landmark at (k, landmark index).</summary>
    public static PoseFrame PoseAt(int k) => new(Time(k), [Person(Participant.A, k), Person(Participant.B, k)]);

    public static ProsodyFrame Voice(int k) => new(MediaTime.FromSeconds(k * 0.01), k % 3 == 0 ? double.NaN : 100 + k, 60 + k % 7);

    public static FeatureSample Feature(int k) => new(Time(k), k, new FeatureSchema(FeatureNames), [k, 0.5], [double.NaN, k * 2]);

    public static CoordinationUpdate Update(int k) => new(
        Time(k),
        Time(k),
        null,
        [
            new ChannelReading(LiveChannel.Posture, 62.5, 0.9, 0.4, 1.25, Participant.A, ChannelState.InBand),
            new ChannelReading(LiveChannel.Tone, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData),
        ],
        ConversationReading.Silent,
        null);

    public static MediaTime Time(int k) => MediaTime.FromSeconds(k / 30.0);

    private static PersonPose Person(Participant who, int k) =>
        new(who, [.. Enumerable.Range(0, Skeleton.LandmarkCount).Select(i => new PoseLandmark(k, i + (who == Participant.B ? 100 : 0), 0, 1))]);

    /// <summary>The file as another process sees it now: opened beside the recorder's own handle, read to the end.</summary>
    public static string OnDisk(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd();
    }

    public static ImmutableArray<double> Values(params double[] values) => [.. values];
}
