using System.Collections.Immutable;
using System.Reactive.Linq;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// The face features of one frame per person, in the order of <see cref="Names"/>: smile (0 at the person's neutral
/// mouth, 1 at a broad smile), head pose from the mesh (degrees; named face_head_* because the body's posture
/// descriptor already has a head_roll and head_yaw from the pose), gaze (degrees; the head's, see <see cref="Gaze"/>),
/// looking at the partner (0/1 per frame; on the feature grid, between two frames, the share of the way from one to the
/// other) and eye openness (lid gap over eye width). Every value is NaN when the person's face was not trusted or not seen.
/// </summary>
public static class FaceFeatures
{
    public const string Smile = "smile";
    public const string HeadPitch = "face_head_pitch";
    public const string HeadYaw = "face_head_yaw";
    public const string HeadRoll = "face_head_roll";
    public const string GazeYaw = "gaze_yaw";
    public const string GazePitch = "gaze_pitch";
    public const string LookingAtPartner = "looking_at_partner";
    public const string EyesOpen = "eyes_open";

    public static ImmutableArray<string> Names { get; } = [Smile, HeadPitch, HeadYaw, HeadRoll, GazeYaw, GazePitch, LookingAtPartner, EyesOpen];

    /// <summary>The rows the face stage gives: <see cref="Names"/>.</summary>
    public static FeatureSchema Schema { get; } = new(Names);

    public static int IndexOf(string name) => Schema.IndexOf(name);

    /// <summary>Face features of each face frame, one feature frame per face frame; each subscription has its own smile baselines.</summary>
    public static IObservable<FeatureFrame> ExtractFaceFeatures(this IObservable<FaceFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return Observable.Defer(() =>
        {
            var extractor = new FaceFeatureExtractor();
            return frames.Select(extractor.Process);
        });
    }
}

/// <summary>Face frame → feature frame for both participants; holds each person's smile baseline, so one instance serves one stream.</summary>
public sealed class FaceFeatureExtractor
{
    private readonly SmileBaseline _smileA;
    private readonly SmileBaseline _smileB;

    /// <param name="smileWindow">Faces each person's neutral mouth is taken from (see <see cref="SmileBaseline"/>).</param>
    public FaceFeatureExtractor(int smileWindow = 900)
    {
        _smileA = new SmileBaseline(smileWindow);
        _smileB = new SmileBaseline(smileWindow);
    }

    public FeatureFrame Process(FaceFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return new FeatureFrame(frame.Time, FaceFeatures.Schema, Person(frame, Participant.A, _smileA), Person(frame, Participant.B, _smileB));
    }

    private static ImmutableArray<double> Person(FaceFrame frame, Participant who, SmileBaseline smile)
    {
        var values = new double[FaceFeatures.Names.Length];
        Array.Fill(values, double.NaN);
        if (frame.Of(who) is not { Mesh: { IsTrusted: true } mesh } face)
            return ImmutableArray.Create(values);
        var head = HeadPose.Of(mesh);
        var gaze = Gaze.FromHead(head);
        var partner = frame.Of(who == Participant.A ? Participant.B : Participant.A);
        values[0] = smile.Next(MouthShape.Of(mesh).SmileExtent);
        (values[1], values[2], values[3]) = (head.Pitch, head.Yaw, head.Roll);
        (values[4], values[5]) = (gaze.Yaw, gaze.Pitch);
        values[6] = PartnerLook.Of(gaze, (face.X, face.Y), partner is null ? null : (partner.X, partner.Y));
        values[7] = EyeOpenness.Of(mesh);
        return ImmutableArray.Create(values);
    }
}
