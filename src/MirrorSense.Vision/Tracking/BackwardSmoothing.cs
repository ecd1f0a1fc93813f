using MirrorSense.Core;

namespace MirrorSense.Vision.Tracking;

/// <summary>
/// The second, backward half of a forward–backward One-Euro filter, for offline runs. The pose stage smooths each
/// person's landmarks forward in time as they are measured (<see cref="LandmarkSmoother"/>), which a live session must
/// do and which makes every landmark trail the body by about a tenth of a second. Offline the frames after a frame are
/// known: running the same filter backwards over the next <see cref="LookAheadSeconds"/> of a person's measured
/// frames cancels that trail and halves the noise once more, for the body's points (the face's keep their speed, see
/// <see cref="FirstBodyLandmark"/>). On the constructed dyads a lean is then followed more closely on every frame, and
/// on every second frame as closely as on every frame before (ConstructedDyadTests). Each frame waits until the
/// look-ahead has passed; frames leave in order, each once, the frames the model skipped unchanged (they are placed
/// between the measured ones afterwards).
/// </summary>
public sealed class BackwardSmoothing(SmoothingOptions options)
{
    /// <summary>How far ahead the backward filter starts: ten time constants of its slowest cutoff, so where it starts no longer shows.</summary>
    public double LookAheadSeconds { get; } = 10 / (2 * Math.PI * options.MinCutoff);

    /// <summary>
    /// The face's points (nose, eyes, ears, mouth) come before the shoulders and keep their forward smoothing only: nods
    /// and shakes are read from the nose, and a nod is fast enough that smoothing it both ways halves it (constructed
    /// nods, ConstructedNodTests: 5 of 10 found instead of 8).
    /// </summary>
    private const int FirstBodyLandmark = Skeleton.LeftShoulder;

    private readonly Queue<PoseFrame> waiting = new();

    /// <summary>The frames that can leave now that <paramref name="frame"/> has arrived.</summary>
    public IReadOnlyList<PoseFrame> Add(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!options.Enabled)
            return [frame];
        waiting.Enqueue(frame);
        var ready = new List<PoseFrame>();
        while ((frame.Time - waiting.Peek().Time).TotalSeconds >= LookAheadSeconds)
            ready.Add(Smoothed(waiting.Dequeue()));
        return ready;
    }

    /// <summary>The frames still waiting at the end of the stream, smoothed with what follows them.</summary>
    public IReadOnlyList<PoseFrame> Complete()
    {
        var rest = new List<PoseFrame>(waiting.Count);
        while (waiting.Count > 0)
            rest.Add(Smoothed(waiting.Dequeue()));
        return rest;
    }

    /// <summary>
    /// <paramref name="frame"/> with each person's landmarks filtered backwards from the last of their measured frames
    /// that follow without a break (a frame without them ends their run: after it they may be someone new).
    /// </summary>
    private PoseFrame Smoothed(PoseFrame frame)
    {
        if (!frame.Measured || frame.People.Count == 0)
            return frame;
        var people = new List<PersonPose>(frame.People.Count);
        foreach (var person in frame.People)
        {
            var run = new List<PoseFrame>();
            foreach (var later in waiting)
            {
                if (!later.Measured)
                    continue;
                if (later.Of(person.Participant) is null)
                    break;
                run.Add(later);
            }

            people.Add(run.Count == 0 ? person : person with { Landmarks = Backward(person, frame.Time, run) });
        }

        return frame with { People = people };
    }

    private PoseLandmark[] Backward(PersonPose person, MediaTime time, List<PoseFrame> run)
    {
        var count = person.Landmarks.Count;
        var filters = new OneEuroFilter[3 * count];
        for (var i = 0; i < filters.Length; i++)
            filters[i] = new OneEuroFilter(options);
        // Time runs backwards, so the filter sees it rising: each stamp negated.
        for (var r = run.Count - 1; r >= 0; r--)
        {
            var later = run[r].Of(person.Participant)!;
            var reversed = MediaTime.FromSeconds(-run[r].Time.Seconds);
            for (var i = 0; i < count; i++)
            {
                var l = later.Landmarks[i];
                filters[3 * i].Filter(l.X, reversed);
                filters[3 * i + 1].Filter(l.Y, reversed);
                filters[3 * i + 2].Filter(l.Z, reversed);
            }
        }

        var now = MediaTime.FromSeconds(-time.Seconds);
        var landmarks = new PoseLandmark[count];
        for (var i = 0; i < count; i++)
        {
            var l = person.Landmarks[i];
            if (i < FirstBodyLandmark)
            {
                landmarks[i] = l;
                continue;
            }

            landmarks[i] = l with
            {
                X = (float)filters[3 * i].Filter(l.X, now),
                Y = (float)filters[3 * i + 1].Filter(l.Y, now),
                Z = (float)filters[3 * i + 2].Filter(l.Z, now),
            };
        }

        return landmarks;
    }
}
