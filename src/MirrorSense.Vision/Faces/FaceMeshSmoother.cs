using MirrorSense.Core;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Vision.Faces;

/// <summary>
/// One-Euro filters on x, y and z of each of one face's 468 points, on the frames' media times. Lighter than the body's
/// (<see cref="FaceTracker.Smoothing"/>): a smile or a nod lasts a few frames, and the mesh jitters less than the pose.
/// </summary>
public sealed class FaceMeshSmoother(SmoothingOptions options)
{
    private readonly OneEuroFilter[] _filters = [.. Enumerable.Range(0, FaceMesh.PointCount * 3).Select(_ => new OneEuroFilter(options))];

    public FaceMesh Smooth(FaceMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (!options.Enabled)
            return mesh;
        var points = new FacePoint[mesh.Points.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var p = mesh.Points[i];
            points[i] = new FacePoint(
                (float)_filters[3 * i].Filter(p.X, mesh.Time),
                (float)_filters[3 * i + 1].Filter(p.Y, mesh.Time),
                (float)_filters[3 * i + 2].Filter(p.Z, mesh.Time));
        }

        return mesh with { Points = points };
    }
}
