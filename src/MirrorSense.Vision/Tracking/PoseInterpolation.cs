using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// Fills the frames the landmark model skipped (<see cref="PoseOptions.LandmarkEvery"/>): each person seen in both
/// measured frames around a skipped one is placed on the straight line between them, by media time. Someone seen on
/// one side only is left out in between, because when they came or went is not known. Skipped frames after the last
/// measured one keep its people as they were. Frames leave in order, each at most n − 1 frames late.
/// </summary>
public sealed class PoseInterpolation
{
    private readonly List<PoseFrame> skipped = [];
    private PoseFrame? before;

    /// <summary>The frames that can be given out now <paramref name="frame"/> has arrived, in media-time order.</summary>
    public IReadOnlyList<PoseFrame> Add(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.Measured && before is not null)
        {
            skipped.Add(frame);
            return [];
        }

        if (!frame.Measured)
            return [frame];   // nothing measured yet to start from: the frame is what the estimator said

        var ready = new List<PoseFrame>(skipped.Count + 1);
        foreach (var between in skipped)
            ready.Add(Between(before!, frame, between.Time));
        ready.Add(frame);
        skipped.Clear();
        before = frame;
        return ready;
    }

    /// <summary>The skipped frames still waiting at the end of the stream, carried as the estimator gave them.</summary>
    public IReadOnlyList<PoseFrame> Complete()
    {
        var rest = skipped.ToList();
        skipped.Clear();
        return rest;
    }

    private static PoseFrame Between(PoseFrame first, PoseFrame second, MediaTime time)
    {
        var span = (double)(second.Time.Microseconds - first.Time.Microseconds);
        var w = span > 0 ? (float)((time.Microseconds - first.Time.Microseconds) / span) : 0f;
        var people = new List<PersonPose>(first.People.Count);
        foreach (var from in first.People)
        {
            if (second.Of(from.Participant) is not { } to)
                continue;
            var landmarks = new PoseLandmark[from.Landmarks.Count];
            for (var i = 0; i < landmarks.Length; i++)
            {
                var (a, b) = (from.Landmarks[i], to.Landmarks[i]);
                landmarks[i] = new PoseLandmark(a.X + w * (b.X - a.X), a.Y + w * (b.Y - a.Y), a.Z + w * (b.Z - a.Z), a.Visibility + w * (b.Visibility - a.Visibility));
            }

            people.Add(new PersonPose(from.Participant, landmarks));
        }

        return new PoseFrame(time, people) { Measured = false };
    }
}
