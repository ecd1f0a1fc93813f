using MirrorSense.Core;
using MirrorSense.Sessions.Faces;

namespace MirrorSense.Sessions.Tests.Faces;

public sealed class FaceCsvWriterTests
{
    private static FaceMesh Mesh(float score, float x) =>
        new(MediaTime.FromSeconds(0.5), score, [.. Enumerable.Range(0, FaceMesh.PointCount).Select(i => new FacePoint(x + i, 20.125f, -3.5f))]);

    [Fact]
    public void Should_write_every_point_of_each_trusted_face_and_nothing_for_faces_not_found()
    {
        // Given a frame with A's trusted face, B's untrusted one, and a frame where B's face was not found
        using var text = new StringWriter();
        using (var writer = new FaceCsvWriter(text))
        {
            writer.Write(new FaceFrame(MediaTime.FromSeconds(0.5), [
                new PersonFace(Participant.A, Mesh(0.9f, 10), 12, 20),
                new PersonFace(Participant.B, Mesh(FaceMesh.MinScore / 2, 300), 310, 20)]));
            writer.Write(new FaceFrame(MediaTime.FromSeconds(0.54), [new PersonFace(Participant.B, null, 310, 20)]));
        }

        // Then the header and A's 468 rows, landmark by index, in the pose table's number format
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(FaceCsvWriter.Header, lines[0]);
        Assert.Equal(1 + FaceMesh.PointCount, lines.Length);
        Assert.Equal("0.500000,A,0,10.00,20.13,-3.50", lines[1]);
        Assert.Equal("0.500000,A,467,477.00,20.13,-3.50", lines[^1]);
    }
}
