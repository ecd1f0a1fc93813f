using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Imaging;
using Xunit.Abstractions;

namespace MirrorSense.Vision.Tests.Faces;

/// <summary>
/// Smiling and neutral real faces of face-api's demo photos, labelled by eye from 200 px crops of each face: smiling =
/// the corners of the mouth visibly pulled up and out (a laugh or a toothy smile, or a clear closed-lip smile); neutral =
/// lips at rest. Each photo shows a different person, so there is no personal baseline: faces are ranked by the raw
/// spread-plus-lift of the mouth (<see cref="MouthShape.SmileExtent"/>), which also carries differences between mouths.
/// Left out: sample 5's woman on the left (eyes nearly shut, a faint smile at most: not clearly either), sample 2's woman
/// on the left (the mesh does not trust her near-profile face), and sample 4's second pose (the same woman found twice).
/// </summary>
public sealed class SmilingPhotoTests(ITestOutputHelper output)
{
    private static readonly (string Who, int Sample, float NoseX, float NoseY, bool Smiling)[] Faces =
    [
        ("sample 1, left, closed-lip smile", 1, 529, 507, true),
        ("sample 1, right, laughing", 1, 1558, 324, true),
        ("sample 4, toothy smile", 4, 1050, 320, true),
        ("sample 6, left, closed-lip smile", 6, 439, 589, true),
        ("sample 6, right, closed-lip smile", 6, 1558, 450, true),
        ("sample 2, right, looking down, lips at rest", 2, 1525, 316, false),
        ("sample 3, lips at rest", 3, 688, 509, false),
        ("sample 5, right, lips at rest", 5, 1452, 585, false),
    ];

    [SkippableFact]
    public void Should_rank_smiling_real_faces_above_neutral_ones()
    {
        // Given the labelled faces, When each one's mouth is measured on its mesh (pose region, then its own)
        using var landmarker = FaceLandmarker.Open();
        var scored = Faces.Select(face =>
        {
            using var photo = FacePhotos.Read(face.Sample);
            var person = FacePhotos.PersonNearest(photo, new PointF2(face.NoseX, face.NoseY));
            var first = landmarker.Estimate(photo, FaceRegions.FromPose(person.Landmarks), MediaTime.Zero);
            var mesh = landmarker.Estimate(photo, FaceRegions.FromMesh(first), MediaTime.Zero);
            Assert.True(mesh.IsTrusted, $"{face.Who}: score {mesh.Score:0.00}");
            var extent = MouthShape.Of(mesh).SmileExtent;
            output.WriteLine($"{face.Who}: {(face.Smiling ? "smiling" : "neutral")}, spread + lift {extent:0.000}");
            return (face.Smiling, Extent: extent);
        }).ToArray();

        // Then a smiling face outranks a neutral one in at least 90 % of the pairs (the area under the ROC curve)
        var smiling = scored.Where(s => s.Smiling).Select(s => s.Extent).ToArray();
        var neutral = scored.Where(s => !s.Smiling).Select(s => s.Extent).ToArray();
        var auc = smiling.Sum(s => neutral.Sum(n => s > n ? 1.0 : s == n ? 0.5 : 0)) / (smiling.Length * neutral.Length);
        output.WriteLine($"AUC {auc:0.000} ({smiling.Length} smiling, {neutral.Length} neutral)");
        Assert.True(auc >= 0.9, $"AUC {auc:0.000}");
    }
}
