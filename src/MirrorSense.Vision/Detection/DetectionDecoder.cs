using MirrorSense.Vision.Imaging;

namespace MirrorSense.Vision.Detection;

/// <summary>
/// The detector's raw tensors → scored detections in tensor pixels (MediaPipe's TensorsToDetectionsCalculator
/// for this model: 12 values per anchor = box x, y, w, h then 4 keypoints x, y, all offsets in input
/// pixels from the anchor centre; score = sigmoid of the logit clipped to ±100).
/// </summary>
public sealed class DetectionDecoder(IReadOnlyList<(float X, float Y)> anchors, float minScore)
{
    public const int ValuesPerAnchor = 12;
    public const int KeypointCount = 4;

    public IReadOnlyList<PersonDetection> Decode(ReadOnlySpan<float> boxes, ReadOnlySpan<float> scoreLogits)
    {
        if (scoreLogits.Length != anchors.Count || boxes.Length != anchors.Count * ValuesPerAnchor)
            throw new ArgumentException($"Expected {anchors.Count} anchors × {ValuesPerAnchor} values and {anchors.Count} scores, got {boxes.Length} and {scoreLogits.Length}.");
        var found = new List<PersonDetection>();
        for (var i = 0; i < anchors.Count; i++)
        {
            var score = Sigmoid(Math.Clamp(scoreLogits[i], -100f, 100f));
            if (score < minScore)
                continue;
            var raw = boxes.Slice(i * ValuesPerAnchor, ValuesPerAnchor);
            var (ax, ay) = anchors[i];
            var keypoints = new PointF2[KeypointCount];
            for (var k = 0; k < KeypointCount; k++)
                keypoints[k] = new PointF2(ax + raw[4 + 2 * k], ay + raw[5 + 2 * k]);
            found.Add(new PersonDetection(score, new PointF2(ax + raw[0], ay + raw[1]), raw[2], raw[3], keypoints));
        }

        return found;
    }

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
