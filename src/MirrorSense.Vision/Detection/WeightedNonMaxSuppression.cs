using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Detection;

/// <summary>
/// MediaPipe's weighted non-maximum suppression: the best remaining detection absorbs every other that
/// overlaps it by more than the threshold (IoU), and the group's box and keypoints become the
/// score-weighted mean, which steadies them; the group keeps the best score. Plain NMS (keep the best,
/// drop the rest) is the <c>weighted: false</c> variant.
/// </summary>
public sealed class WeightedNonMaxSuppression(float overlapThreshold = 0.3f, bool weighted = true)
{
    public IReadOnlyList<PersonDetection> Apply(IReadOnlyList<PersonDetection> detections)
    {
        var remaining = detections.OrderByDescending(d => d.Score).ToList();
        var kept = new List<PersonDetection>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var group = remaining.Where(d => d.IntersectionOverUnion(best) > overlapThreshold).ToList();
            if (!group.Contains(best))
                group.Add(best);
            remaining.RemoveAll(group.Contains);
            kept.Add(weighted ? Average(best.Score, group) : best);
        }

        return kept;
    }

    private static PersonDetection Average(float score, List<PersonDetection> group)
    {
        var total = group.Sum(d => d.Score);
        float Mean(Func<PersonDetection, float> value) => group.Sum(d => d.Score * value(d)) / total;
        var keypoints = new PointF2[group[0].Keypoints.Count];
        for (var k = 0; k < keypoints.Length; k++)
            keypoints[k] = new PointF2(Mean(d => d.Keypoints[k].X), Mean(d => d.Keypoints[k].Y));
        var (left, top, right, bottom) = (Mean(d => d.Left), Mean(d => d.Top), Mean(d => d.Right), Mean(d => d.Bottom));
        return new PersonDetection(score, new PointF2((left + right) / 2, (top + bottom) / 2), right - left, bottom - top, keypoints);
    }
}
