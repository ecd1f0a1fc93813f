using MirrorSense.Core;
using MirrorSense.Dashboard.Wire;

namespace MirrorSense.Dashboard.Tests;

public sealed class PersonMessageTests
{
    [Fact]
    public void Should_pass_landmarks_that_are_already_fractions_of_the_image_through()
    {
        // Given a person whose landmarks are already normalized
        var landmarks = Enumerable.Range(0, Skeleton.LandmarkCount).Select(i => new PoseLandmark(i / 40f, 0.5f, 0, 1)).ToArray();

        // When converted, even with a frame size known
        var message = PersonMessage.From(new PersonPose(Participant.B, landmarks), new FrameSize(640, 480));

        // Then the coordinates are unchanged
        Assert.NotNull(message);
        Assert.Equal("B", message.Participant);
        Assert.Equal(32 / 40f, message.Points[32 * 3]);
        Assert.Equal(0.5f, message.Points[(32 * 3) + 1]);
    }

    [Fact]
    public void Should_send_a_trusted_faces_outlines_as_fractions_of_the_image_and_no_outline_for_an_untrusted_one()
    {
        // Given a person with a face mesh whose point i lies at (i, 2i) pixels of a 640 × 480 frame
        var person = Dyads.Frame(0).People[0];
        var points = Enumerable.Range(0, FaceMesh.PointCount).Select(i => new FacePoint(i, 2 * i, 0)).ToArray();
        var trusted = new FaceMesh(MediaTime.Zero, 0.9f, points);

        // When converted with the trusted mesh, and with the same mesh under the face score threshold
        var message = PersonMessage.From(person, new FrameSize(640, 480), trusted);
        var untrusted = PersonMessage.From(person, new FrameSize(640, 480), trusted with { Score = 0.2f });

        // Then each outline goes round its mesh points in order, scaled to the frame; the untrusted face has none
        Assert.NotNull(message?.Face);
        Assert.Equal(FaceOutline.All.Length, message.Face.Length);
        for (var o = 0; o < FaceOutline.All.Length; o++)
        {
            var outline = FaceOutline.All[o];
            Assert.Equal(outline.Length * 2, message.Face[o].Length);
            Assert.Equal(outline[3] / 640f, message.Face[o][6]);
            Assert.Equal(2 * outline[3] / 480f, message.Face[o][7]);
        }

        Assert.Null(untrusted?.Face);
    }

    [Fact]
    public void Should_leave_out_a_pixel_skeleton_while_the_frame_size_is_unknown()
    {
        // Given landmarks in pixels and no camera frame yet
        var person = Dyads.Frame(0).People[0];

        // Then it cannot be placed and is left out
        Assert.Null(PersonMessage.From(person, null));
    }

    [Fact]
    public void Should_leave_out_a_skeleton_that_is_not_the_33_point_schema()
    {
        var person = new PersonPose(Participant.A, [new PoseLandmark(0.5f, 0.5f, 0, 1)]);

        Assert.Null(PersonMessage.From(person, new FrameSize(640, 480)));
    }
}
