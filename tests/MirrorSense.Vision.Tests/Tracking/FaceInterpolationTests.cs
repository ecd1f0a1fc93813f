using MirrorSense.Core;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Vision.Tests.Tracking;

public sealed class FaceInterpolationTests
{
    private static FaceMesh Mesh(double seconds, float x, float score = 0.9f) =>
        new(MediaTime.FromSeconds(seconds), score, [.. Enumerable.Range(0, FaceMesh.PointCount).Select(i => new FacePoint(x + i, 2 * x, -x))]);

    private static FaceFrame Measured(double seconds, params PersonFace[] faces) => new(MediaTime.FromSeconds(seconds), faces);

    private static FaceFrame Skipped(double seconds, params PersonFace[] faces) => new(MediaTime.FromSeconds(seconds), faces) { Measured = false };

    [Fact]
    public void A_face_found_on_both_sides_is_placed_on_the_line_between_them_by_time()
    {
        var interpolation = new FaceInterpolation();
        var first = Measured(0, new PersonFace(Participant.A, Mesh(0, 0f, 0.6f), 10, 20));
        var carried = new PersonFace(Participant.A, Mesh(0, 0f, 0.6f), 10, 20);

        Assert.Single(interpolation.Add(first));
        Assert.Empty(interpolation.Add(Skipped(0.1, carried)));
        Assert.Empty(interpolation.Add(Skipped(0.2, carried)));
        var ready = interpolation.Add(Measured(0.3, new PersonFace(Participant.A, Mesh(0.3, 30f, 0.9f), 40, 50)));

        Assert.Equal(3, ready.Count);
        var third = ready[0].Of(Participant.A)!;
        Assert.False(ready[0].Measured);
        Assert.Equal(MediaTime.FromSeconds(0.1), ready[0].Time);
        Assert.Equal(MediaTime.FromSeconds(0.1), third.Mesh!.Time);
        Assert.Equal(10f + 5, third.Mesh[5].X, 4);
        Assert.Equal(20f, third.Mesh[5].Y, 4);
        Assert.Equal(-10f, third.Mesh[5].Z, 4);
        Assert.Equal(0.7f, third.Mesh.Score, 4);
        Assert.Equal((20f, 30f), (third.X, third.Y));
        Assert.Equal(20f + 7, ready[1].Of(Participant.A)!.Mesh![7].X, 4);
        Assert.True(ready[2].Measured);
    }

    [Fact]
    public void A_face_missing_on_either_side_stays_missing_in_between_and_absent_people_stay_absent()
    {
        var interpolation = new FaceInterpolation();
        interpolation.Add(Measured(0, new PersonFace(Participant.A, null, 10, 20), new PersonFace(Participant.B, Mesh(0, 1f), 300, 20)));
        interpolation.Add(Skipped(0.1, new PersonFace(Participant.A, null, 10, 20)));

        var ready = interpolation.Add(Measured(0.2, new PersonFace(Participant.A, Mesh(0.2, 5f), 12, 20), new PersonFace(Participant.B, Mesh(0.2, 2f), 300, 20)));

        var between = ready[0];
        Assert.Null(between.Of(Participant.A)!.Mesh);
        Assert.Null(between.Of(Participant.B));
    }

    [Fact]
    public void Skipped_frames_before_any_measured_frame_pass_at_once_and_those_after_the_last_leave_on_completion()
    {
        var interpolation = new FaceInterpolation();
        var early = Skipped(0, new PersonFace(Participant.A, null, 1, 1));
        Assert.Same(early, Assert.Single(interpolation.Add(early)));

        interpolation.Add(Measured(0.1, new PersonFace(Participant.A, Mesh(0.1, 1f), 1, 1)));
        var late = Skipped(0.2, new PersonFace(Participant.A, Mesh(0.1, 1f), 1, 1));
        Assert.Empty(interpolation.Add(late));

        Assert.Same(late, Assert.Single(interpolation.Complete()));
        Assert.Empty(interpolation.Complete());
    }
}
