using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>One-Euro filters on x, y and z of each of one person's 33 landmarks; visibility passes through.</summary>
public sealed class LandmarkSmoother
{
    private readonly OneEuroFilter[] filters;
    private readonly SmoothingOptions options;

    public LandmarkSmoother(SmoothingOptions options)
    {
        this.options = options;
        filters = [.. Enumerable.Range(0, Skeleton.LandmarkCount * 3).Select(_ => new OneEuroFilter(options))];
    }

    public PoseLandmark[] Smooth(IReadOnlyList<PoseLandmark> landmarks, MediaTime time)
    {
        var result = new PoseLandmark[landmarks.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var l = landmarks[i];
            result[i] = options.Enabled
                ? new PoseLandmark(
                    (float)filters[3 * i].Filter(l.X, time),
                    (float)filters[3 * i + 1].Filter(l.Y, time),
                    (float)filters[3 * i + 2].Filter(l.Z, time),
                    l.Visibility)
                : l;
        }

        return result;
    }
}
