using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// Skipped pose frames placed between measured ones: each person seen in both measured frames around a skipped one is
/// placed on the straight line between them. Someone seen on one side only is left out in between, because when
/// they came or went is not known.
/// </summary>
public sealed class PoseInterpolation : SkippedFrameInterpolation<PoseFrame>
{
    protected override bool IsMeasured(PoseFrame frame) => frame.Measured;

    protected override PoseFrame Between(PoseFrame first, PoseFrame second, PoseFrame skippedFrame)
    {
        var w = Fraction(first.Time, second.Time, skippedFrame.Time);
        var people = new List<PersonPose>(first.People.Count);
        foreach (var from in first.People)
        {
            if (second.Of(from.Participant) is not { } to)
                continue;
            var landmarks = new PoseLandmark[from.Landmarks.Count];
            for (var i = 0; i < landmarks.Length; i++)
            {
                var (a, b) = (from.Landmarks[i], to.Landmarks[i]);
                landmarks[i] = new PoseLandmark(Lerp(a.X, b.X, w), Lerp(a.Y, b.Y, w), Lerp(a.Z, b.Z, w), Lerp(a.Visibility, b.Visibility, w));
            }

            people.Add(new PersonPose(from.Participant, landmarks));
        }

        // The skipped frame's own picture measures (its pixel motion) stay with it: they were taken on every frame.
        return skippedFrame with { People = people, Measured = false };
    }
}
