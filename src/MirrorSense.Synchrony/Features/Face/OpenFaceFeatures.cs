using System.Collections.Immutable;
using System.Numerics;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>Where the cameras OpenFace read stood, which says where each person's partner is.</summary>
public enum OpenFaceCameras
{
    /// <summary>
    /// One camera in front of each person, beside their partner's head (FeatureExtraction follows one face per video):
    /// looking at the partner is looking at about the camera.
    /// </summary>
    OnePerPerson,

    /// <summary>One camera sees both people (A on the left, as with <c>--video</c>): the partner's place comes from the heads' positions.</summary>
    Shared,
}

/// <summary>
/// The face features of <see cref="FaceFeatures.Names"/> from two people's OpenFace output, on the feature grid, so the
/// face measures run on them as on the face stage's. Each person's frames are placed on the grid by their own media
/// times (the two files may differ in frame rate and length), bridging gaps as body features are bridged; a frame
/// OpenFace did not track, or tracked with less than <see cref="MinimumConfidence"/>, is missing, not zero. Angles turn
/// into the face stage's degrees and signs (<see cref="HeadPose"/>); gaze is OpenFace's eye gaze, which the mesh
/// cannot give (<see cref="Gaze"/>); nods and shakes come from head pitch and yaw (<see cref="Features.HeadMovements.FromHeadAngles"/>).
/// </summary>
public static class OpenFaceFeatures
{
    /// <summary>
    /// The confidence below which a frame is missing. OpenFace's author reads confidence under 0.7 as failed landmark
    /// detection (OpenFace issue #270), and its success flag comes from the same number; labs commonly drop frames
    /// under 0.8 (OpenDBM among them), which we follow so that half-tracked faces do not feed smiles and looks.
    /// </summary>
    public const double MinimumConfidence = 0.8;

    /// <summary>
    /// The AU12 intensity that reads as a broad smile (<c>smile</c> 1): 3, FACS's "marked" (C) level. On OpenFace's
    /// 0–5 scale a trace (1) alone then stays under the smiling onset (0.3) and a slight smile (2) passes it, as a
    /// barely moved mouth does not and a visible smile does on the mesh's scale (<see cref="SmileBaseline"/>).
    /// </summary>
    public const double BroadSmileIntensity = 3;

    /// <summary>
    /// How much AU6 (the cheek raiser of a felt, Duchenne smile) adds, as a share of AU12: half. The mesh's smile sees
    /// only the mouth (<see cref="MouthShape"/>), so AU12 carries the signal; cheeks lifted with the mouth add up to half
    /// as much again, so a marked smile with raised cheeks reads 1, a marked mouth alone 0.67. AU6 counts only as far as
    /// AU12 goes, because cheeks raised without the mouth (squinting, a wince) are not a smile.
    /// </summary>
    public const double CheekShare = 0.5;

    /// <summary>
    /// How far the eyes may point from the camera and still look at the partner (<see cref="OpenFaceCameras.OnePerPerson"/>):
    /// the partner's face beside the camera lies some 10° off its axis at conversation distance, and OpenFace's gaze
    /// errs by 5–10°.
    /// </summary>
    public const double CameraLookDegrees = 15;

    /// <summary>
    /// <c>smile</c> from AU12 (lip-corner puller) and AU6 (cheek raiser) intensities, on the face stage's scale: 0 at a
    /// neutral mouth, 1 at a broad smile. No baseline is taken off, as the face stage does from the mesh: OpenFace already
    /// corrects each person's intensities by their own neutral face over the video.
    /// </summary>
    public static double Smile(double lipCornerPuller, double cheekRaiser)
    {
        var mouth = Math.Max(0, lipCornerPuller);
        var cheeks = double.IsNaN(cheekRaiser) ? 0 : Math.Clamp(cheekRaiser, 0, mouth);
        return (mouth + CheekShare * cheeks) / ((1 + CheekShare) * BroadSmileIntensity);
    }

    /// <summary>
    /// Lid gap over eye width, as <see cref="EyeOpenness"/> measures it on the mesh: per eye the mean of its two lid
    /// gaps over the corner-to-corner width, averaged over both eyes. NaN without landmarks.
    /// </summary>
    public static double EyesOpen(ImmutableArray<Vector2> eyes)
    {
        if (eyes.Length != 12)
            return double.NaN;
        static double Eye(ReadOnlySpan<Vector2> p) =>
            (Vector2.Distance(p[1], p[5]) + Vector2.Distance(p[2], p[4])) / 2 / Vector2.Distance(p[0], p[3]);
        var points = eyes.AsSpan();
        return (Eye(points[..6]) + Eye(points[6..])) / 2;
    }

    /// <summary>Both people's face features on <paramref name="grid"/> (values in <see cref="FaceFeatures.Names"/> order), from the grid's origin to the later file's last frame.</summary>
    /// <param name="end">Frames at or after this media time are left out; null: none are.</param>
    public static IReadOnlyList<FeatureSample> OnGrid(IReadOnlyList<OpenFaceFrame> a, IReadOnlyList<OpenFaceFrame> b, OpenFaceCameras cameras, FeatureGridOptions grid, MediaTime? end = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(grid);
        var placedA = Place(a, Participant.A, grid, end);
        var placedB = Place(b, Participant.B, grid, end);
        var looking = FaceFeatures.IndexOf(FaceFeatures.LookingAtPartner);
        var samples = new List<FeatureSample>();
        for (var k = 0; k < Math.Max(placedA.Count, placedB.Count); k++)
        {
            var (ownA, ownB) = (Row(placedA, k, Participant.A), Row(placedB, k, Participant.B));
            var (valuesA, valuesB) = (ownA[..FaceFeatures.Names.Length], ownB[..FaceFeatures.Names.Length]);
            valuesA[looking] = Looking(ownA, ownB, cameras);
            valuesB[looking] = Looking(ownB, ownA, cameras);
            samples.Add(new FeatureSample(grid.TimeOf(k), k, FaceFeatures.Schema, ImmutableArray.Create(valuesA), ImmutableArray.Create(valuesB)));
        }

        return samples;
    }

    /// <summary>
    /// One person's frames on the grid: the face features (looking still NaN), then the head's place across and down
    /// (mm), which looking at the partner needs at the grid's times.
    /// </summary>
    /// <summary>A person's frames as placed on the grid: the face features, then where the head is (OpenFace's pose_Tx, pose_Ty).</summary>
    private static readonly FeatureSchema PlacedSchema = FaceFeatures.Schema.Then(new FeatureSchema(["head_across_mm", "head_down_mm"]));

    private static IReadOnlyList<FeatureSample> Place(IReadOnlyList<OpenFaceFrame> frames, Participant who, FeatureGridOptions grid, MediaTime? end)
    {
        var width = PlacedSchema.Count;
        var missing = ImmutableArray.Create(Enumerable.Repeat(double.NaN, width).ToArray());
        var features = frames
            .Where(f => end is not { } last || f.Time < last)
            .Select(f => Values(f, width))
            .Select(values => who == Participant.A ? new FeatureFrame(values.Time, PlacedSchema, values.Values, missing) : new FeatureFrame(values.Time, PlacedSchema, missing, values.Values))
            .ToList();
        return FeatureGrid.Resample(features, grid);
    }

    private static (MediaTime Time, ImmutableArray<double> Values) Values(OpenFaceFrame frame, int width)
    {
        var values = new double[width];
        Array.Fill(values, double.NaN);
        if (!frame.Success || !(frame.Confidence >= MinimumConfidence))
            return (frame.Time, ImmutableArray.Create(values));
        values[FaceFeatures.IndexOf(FaceFeatures.Smile)] = Smile(frame.LipCornerPuller, frame.CheekRaiser);
        values[FaceFeatures.IndexOf(FaceFeatures.HeadPitch)] = -Degrees(frame.PoseRx);
        values[FaceFeatures.IndexOf(FaceFeatures.HeadYaw)] = Degrees(frame.PoseRy);
        values[FaceFeatures.IndexOf(FaceFeatures.HeadRoll)] = -Degrees(frame.PoseRz);
        values[FaceFeatures.IndexOf(FaceFeatures.GazeYaw)] = -Degrees(frame.GazeAngleX);
        values[FaceFeatures.IndexOf(FaceFeatures.GazePitch)] = -Degrees(frame.GazeAngleY);
        values[FaceFeatures.IndexOf(FaceFeatures.EyesOpen)] = EyesOpen(frame.EyeLandmarks);
        (values[width - 2], values[width - 1]) = (frame.PoseTx, frame.PoseTy);
        return (frame.Time, ImmutableArray.Create(values));
    }

    private static double[] Row(IReadOnlyList<FeatureSample> placed, int k, Participant who)
    {
        if (k < placed.Count)
            return [.. placed[k][who]];
        var none = new double[PlacedSchema.Count];
        Array.Fill(none, double.NaN);
        return none;
    }

    /// <summary>1 when the person's eyes point at the partner, 0 when not, NaN when their gaze (or, one camera for both, a place) is unknown.</summary>
    private static double Looking(double[] own, double[] partner, OpenFaceCameras cameras)
    {
        var gaze = new Gaze(own[FaceFeatures.IndexOf(FaceFeatures.GazeYaw)], own[FaceFeatures.IndexOf(FaceFeatures.GazePitch)]);
        if (cameras == OpenFaceCameras.Shared)
            return PartnerLook.Of(gaze, Position(own), Position(partner));
        if (!double.IsFinite(gaze.Yaw) || !double.IsFinite(gaze.Pitch))
            return double.NaN;
        return Math.Abs(gaze.Yaw) <= CameraLookDegrees && Math.Abs(gaze.Pitch) <= CameraLookDegrees ? 1 : 0;
    }

    private static (float X, float Y) Position(double[] values) => ((float)values[^2], (float)values[^1]);

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
