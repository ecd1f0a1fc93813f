using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Synchrony.Tests.Features.Face;

public sealed class OpenFaceFeaturesTests
{
    private static readonly FeatureGridOptions Grid = new();

    private static OpenFaceFrame Frame(double seconds, double confidence = 0.95, bool success = true, double gazeX = 0, double gazeY = 0, double tx = 0, double ty = 0,
        double rx = 0, double ry = 0, double rz = 0, double au06 = 0, double au12 = 0) =>
        new(MediaTime.FromSeconds(seconds), confidence, success, gazeX, gazeY, tx, ty, rx, ry, rz, au06, au12, []);

    private static IReadOnlyList<OpenFaceFrame> Steady(double seconds, double rate, Func<double, OpenFaceFrame> at) =>
        [.. Enumerable.Range(0, (int)(seconds * rate) + 1).Select(i => at(i / rate))];

    private static FeatureSeries Series(IReadOnlyList<OpenFaceFrame> a, IReadOnlyList<OpenFaceFrame> b, OpenFaceCameras cameras = OpenFaceCameras.OnePerPerson) =>
        FeatureSeries.Collect(OpenFaceFeatures.OnGrid(a, b, cameras, Grid), FaceFeatures.Schema, Grid);

    [Fact]
    public void A_marked_smile_with_raised_cheeks_reads_as_a_broad_smile_and_a_trace_of_AU12_is_not_smiling()
    {
        var thresholds = new SmileThresholds();

        Assert.Equal(1, OpenFaceFeatures.Smile(3, 3), 9);
        Assert.Equal(0, OpenFaceFeatures.Smile(0, 0));
        Assert.True(OpenFaceFeatures.Smile(1, 0) < thresholds.Onset, "a trace of AU12 alone");
        Assert.True(OpenFaceFeatures.Smile(2, 0) >= thresholds.Onset, "a slight AU12 smile");
        // Cheeks raised without the mouth (a squint) are no smile
        Assert.Equal(0, OpenFaceFeatures.Smile(0, 4));
    }

    [Fact]
    public void A_row_with_low_confidence_or_without_success_is_missing_not_zero()
    {
        // Given A smiling steadily, with a stretch of half a second tracked at confidence 0.5 and another OpenFace gave up on
        var a = Steady(4, 30, t => Frame(t, confidence: t is >= 1 and < 1.5 ? 0.5 : 0.95, success: t is not (>= 2.5 and < 3), au12: 3, au06: 3));
        var b = Steady(4, 30, t => Frame(t, au12: 3, au06: 3));

        var smile = Series(a, b).Of(Participant.A, FaceFeatures.Smile);

        // Then those stretches are NaN (too long to bridge), and the rest is the smile
        Assert.True(double.IsNaN(smile[37]) && double.IsNaN(smile[80]), "untracked stretches");
        Assert.Equal(1, smile[10], 9);
        Assert.Equal(1, smile[60], 9);
    }

    [Fact]
    public void Head_and_gaze_angles_turn_into_the_face_stages_degrees_and_signs()
    {
        // Given A's head bowed 0.2 rad (pose_Rx > 0), turned to their own right (pose_Ry > 0), rolled clockwise on screen,
        // and the eyes looking down and to the picture's right
        var a = Steady(1, 30, t => Frame(t, rx: 0.2, ry: 0.3, rz: 0.1, gazeX: 0.4, gazeY: 0.1));
        var series = Series(a, a);

        // Then the pitch is negative (down), the yaw positive (the viewer's left), roll negative; gaze yaw negative (the viewer's right) and pitch negative
        double At(string feature) => series.Of(Participant.A, feature)[5];
        Assert.Equal(-0.2 * 180 / Math.PI, At(FaceFeatures.HeadPitch), 6);
        Assert.Equal(0.3 * 180 / Math.PI, At(FaceFeatures.HeadYaw), 6);
        Assert.Equal(-0.1 * 180 / Math.PI, At(FaceFeatures.HeadRoll), 6);
        Assert.Equal(-0.4 * 180 / Math.PI, At(FaceFeatures.GazeYaw), 6);
        Assert.Equal(-0.1 * 180 / Math.PI, At(FaceFeatures.GazePitch), 6);
    }

    [Fact]
    public void Files_of_different_frame_rates_are_aligned_by_their_timestamps_on_the_grid()
    {
        // Given A filmed at 30 frames per second and B at 25, both smiling from 2 s on, B's file 1 s shorter
        var a = Steady(5, 30, t => Frame(t, au12: t >= 2 ? 3 : 0, au06: t >= 2 ? 3 : 0));
        var b = Steady(4, 25, t => Frame(t, au12: t >= 2 ? 3 : 0, au06: t >= 2 ? 3 : 0));

        var series = Series(a, b);

        // Then both smiles start at the same grid point, and B is missing after its file ends
        var (smileA, smileB) = (series.Of(Participant.A, FaceFeatures.Smile), series.Of(Participant.B, FaceFeatures.Smile));
        Assert.Equal(151, series.Length);
        Assert.Equal(Enumerable.Range(0, 121).Select(k => smileA[k] > 0.5), Enumerable.Range(0, 121).Select(k => smileB[k] > 0.5));
        Assert.Equal(0, smileB[58]);
        Assert.Equal(1, smileB[60], 9);
        Assert.True(double.IsNaN(smileB[130]));
    }

    [Fact]
    public void With_one_camera_per_person_looking_at_the_partner_is_looking_at_about_the_camera()
    {
        var a = Steady(1, 30, t => Frame(t, gazeX: 0.1, gazeY: -0.05));
        var b = Steady(1, 30, t => Frame(t, gazeX: 0.6));

        var series = Series(a, b);

        Assert.Equal(1, series.Of(Participant.A, FaceFeatures.LookingAtPartner)[10]);
        Assert.Equal(0, series.Of(Participant.B, FaceFeatures.LookingAtPartner)[10]);
    }

    [Fact]
    public void With_one_camera_for_both_A_looks_at_B_by_turning_towards_the_pictures_right_where_B_sits()
    {
        // Given A on the left (pose_Tx −400 mm) looking to the picture's right, B on the right looking into the camera
        var a = Steady(1, 30, t => Frame(t, tx: -400, gazeX: 0.5));
        var b = Steady(1, 30, t => Frame(t, tx: 400, gazeX: 0));

        var series = Series(a, b, OpenFaceCameras.Shared);

        Assert.Equal(1, series.Of(Participant.A, FaceFeatures.LookingAtPartner)[10]);
        Assert.Equal(0, series.Of(Participant.B, FaceFeatures.LookingAtPartner)[10]);
    }

    [Fact]
    public void A_nod_in_head_pitch_is_found_and_a_still_heads_jitter_is_not()
    {
        // Given A bowing their head 10° and back over 0.6 s at 4 s, B's head wavering by a degree
        var random = new Random(3);
        var a = Steady(10, 30, t => Frame(t, rx: t is >= 4 and < 4.6 ? 10 * Math.PI / 180 * Math.Sin(Math.PI * (t - 4) / 0.6) : 0));
        var b = Steady(10, 30, t => Frame(t, rx: (random.NextDouble() - 0.5) * 2 * Math.PI / 180));

        var movements = HeadMovements.FromHeadAngles(Series(a, b));

        var nod = Assert.Single(movements);
        Assert.Equal((Participant.A, HeadMovementKind.Nod), (nod.Participant, nod.Kind));
        Assert.InRange(nod.Start.Seconds, 3.9, 4.1);
    }
}
