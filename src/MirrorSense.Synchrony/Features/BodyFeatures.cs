using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// The body features of one frame, in the order of <see cref="Names"/>: first the posture descriptor
/// (<see cref="PostureDescriptor.Schema"/> order, degrees, shoulder widths, 0/1), then landmark motion
/// energy per region (shoulder widths per second), then the head position that nods and shakes are
/// found in (nose relative to the mid-shoulder point, shoulder widths, y up), then the distance between the
/// two people (<see cref="PartnerDistance"/>), the same for both.
/// </summary>
public static class BodyFeatures
{
    public const string MotionHead = "motion_head";
    public const string MotionArms = "motion_arms";
    public const string MotionTorso = "motion_torso";
    public const string MotionBody = "motion_body";
    public const string HeadX = "head_x";
    public const string HeadY = "head_y";

    /// <summary>
    /// Image distance between the two people's mid-shoulder points over the mean of their two shoulder widths
    /// (MEASURES.md §6: distance in shoulder widths). Written for A and for B alike; missing when either is not seen,
    /// and always missing with one camera per person, where the two pictures share no space.
    /// </summary>
    public const string PartnerDistance = "partner_distance";

    public static ImmutableArray<string> Names { get; } =
    [
        .. PostureDescriptor.Schema.Components.Select(c => c.Name),
        MotionHead, MotionArms, MotionTorso, MotionBody,
        HeadX, HeadY,
        PartnerDistance,
    ];

    /// <summary>The rows <see cref="Extract"/> gives: <see cref="Names"/>.</summary>
    public static FeatureSchema Schema { get; } = new(Names);

    /// <summary>
    /// Changed pixels in the person's region of the picture (Motion Energy Analysis, MEASURES.md §2), as the pose stage
    /// measured it on the frame (<see cref="PoseFrame.Motion"/>); it follows the landmark features when pictures were
    /// seen (<see cref="PoseFrameFeatures"/>).
    /// </summary>
    public const string PixelMotion = "pixel_motion";

    public static int IndexOf(string name) => Schema.IndexOf(name);

    /// <summary>
    /// The body features of every frame, one <see cref="FeatureFrame"/> per pose frame, in order. Each
    /// enumeration starts afresh (motion energy remembers the previous frame).
    /// </summary>
    public static IEnumerable<FeatureFrame> Extract(IEnumerable<PoseFrame> frames, BodyFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var settings = options ?? BodyFeatureOptions.Default;
        settings.Validate();
        return Iterate(frames, settings);

        static IEnumerable<FeatureFrame> Iterate(IEnumerable<PoseFrame> frames, BodyFeatureOptions settings)
        {
            var extractor = new BodyFeatureExtractor(settings);
            foreach (var frame in frames)
                yield return extractor.Process(frame);
        }
    }
}

/// <summary>
/// Pose frame → feature frame, for both participants. Holds each participant's previous skeleton (for
/// motion energy), so one instance serves one stream: one subscription or one enumeration.
/// </summary>
internal sealed class BodyFeatureExtractor
{
    private readonly BodyFeatureOptions _options;
    private readonly List<NormalizedPose>[] _history = [[], []];
    private MediaTime? _last;

    public BodyFeatureExtractor(BodyFeatureOptions options)
    {
        options.Validate();
        _options = options;
    }

    public FeatureFrame Process(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_last is { } last && frame.Time <= last)
            throw new InvalidOperationException($"Pose frames must come in increasing media time; got {frame.Time} after {last}.");
        _last = frame.Time;
        var a = Normalize(frame, Participant.A);
        var b = Normalize(frame, Participant.B);
        var distance = Distance(frame, a, b);
        return new FeatureFrame(frame.Time, BodyFeatures.Schema, Person(a, Participant.A, distance), Person(b, Participant.B, distance));
    }

    private NormalizedPose? Normalize(PoseFrame frame, Participant participant) =>
        frame.Of(participant) is { } person ? SkeletonNormalizer.Normalize(person, frame.Time, _options) : null;

    /// <summary>
    /// The mid-shoulder points' distance in the mean of the two shoulder widths: each person's own width alone would
    /// make the distance change when one of them turns sideways more than when both do.
    /// </summary>
    private static double Distance(PoseFrame frame, NormalizedPose? a, NormalizedPose? b)
    {
        if (a is null || b is null)
            return double.NaN;
        var (ax, ay) = MidShoulder(frame.Of(Participant.A)!);
        var (bx, by) = MidShoulder(frame.Of(Participant.B)!);
        double dx = ax - bx, dy = ay - by;
        return Math.Sqrt(dx * dx + dy * dy) / ((a.ShoulderWidthPixels + b.ShoulderWidthPixels) / 2);
    }

    private static (double X, double Y) MidShoulder(PersonPose person)
    {
        var (left, right) = (person[Skeleton.LeftShoulder], person[Skeleton.RightShoulder]);
        return ((left.X + (double)right.X) / 2, (left.Y + (double)right.Y) / 2);
    }

    private ImmutableArray<double> Person(NormalizedPose? pose, Participant participant, double distance)
    {
        var values = new double[BodyFeatures.Names.Length];
        var history = _history[(int)participant];
        if (pose is null)
        {
            // Out of view: movement is not followed across the gap.
            history.Clear();
            values.AsSpan().Fill(double.NaN);
            return ImmutableArray.Create(values);
        }

        var previous = Baseline(history, pose.Time);
        history.Add(pose);

        var count = PostureDescriptor.Schema.Count;
        PostureDescriptor.Describe(pose, values);
        var recent = previous is not null && (pose.Time - previous.Time).TotalSeconds <= _options.MaximumMotionStepSeconds;
        var energy = recent ? MotionEnergy.Between(previous, pose) : MotionEnergy.Missing;
        foreach (var region in BodyRegions.All)
            values[count + (int)region] = energy[region];
        var nose = pose[Skeleton.Nose];
        values[count + BodyRegions.All.Length] = nose.X;
        values[count + BodyRegions.All.Length + 1] = nose.Y;
        values[count + BodyRegions.All.Length + 2] = distance;
        return ImmutableArray.Create(values);
    }

    /// <summary>The latest pose at least the motion step before <paramref name="now"/>; the ones before it are let go.</summary>
    private NormalizedPose? Baseline(List<NormalizedPose> history, MediaTime now)
    {
        var step = TimeSpan.FromSeconds(_options.MotionStepSeconds);
        var latest = history.FindLastIndex(p => now - p.Time >= step);
        if (latest < 0)
            return null;
        history.RemoveRange(0, latest);
        return history[0];
    }
}
