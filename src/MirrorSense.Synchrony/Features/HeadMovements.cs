using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Synchrony.Features;

/// <summary>
/// Head nods and shakes (MEASURES.md §2) from the gridded head position (<see cref="BodyFeatures.HeadY"/>
/// for nods, <see cref="BodyFeatures.HeadX"/> for shakes), whole-session or streaming; both run the same
/// detector, so they find the same events. Where a face was read, the head's own pitch and yaw show a nod far more
/// directly than the nose point does (<see cref="OfSession"/>).
/// </summary>
public static class HeadMovements
{
    /// <summary>
    /// Nods and shakes in degrees of head pitch and yaw (the face stage's mesh, or OpenFace): the same cycles as from
    /// the nose point, with a swing of 5°. A still head's pitch and yaw waver by about a degree from frame to frame,
    /// and listeners' nods swing some 5–15°.
    /// </summary>
    public static HeadMovementOptions AngleOptions { get; } = new(MinimumSwing: 5) { Signal = HeadSignal.HeadAngles };

    /// <summary>
    /// The nods and shakes of a session (what <c>head_movements.csv</c> holds): from the head's pitch and yaw
    /// (<see cref="FaceFeatures.HeadPitch"/>, <see cref="FaceFeatures.HeadYaw"/>) where the series has them, and from
    /// the nose point wherever the face was not read for most of a movement (turned away, covered, lost), so a person
    /// whose face is out of sight still nods. The nose point sees a nod only as the head's drop; on a real face tipped
    /// by known nods the head pitch found 53 of 56 of them with no false one (ConstructedFaceNodTests, five seeds).
    /// </summary>
    public static IReadOnlyList<HeadMovementEvent> OfSession(FeatureSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var nose = Detect(series);
        if (!series.Names.Contains(FaceFeatures.HeadPitch) || !series.Names.Contains(FaceFeatures.HeadYaw))
            return nose;
        bool FaceMostlyMissing(HeadMovementEvent e)
        {
            var angles = series.Of(e.Participant, e.Kind == HeadMovementKind.Nod ? FaceFeatures.HeadPitch : FaceFeatures.HeadYaw);
            var (first, last) = (Math.Max(0, GridIndex(series.Grid, e.Start)), Math.Min(angles.Length - 1, GridIndex(series.Grid, e.End)));
            var missing = 0;
            for (var k = first; k <= last; k++)
                missing += double.IsNaN(angles[k]) ? 1 : 0;
            return 2 * missing > last - first + 1;
        }

        return [.. FromHeadAngles(series).Concat(nose.Where(FaceMostlyMissing)).OrderBy(e => e.Start).ThenBy(e => e.Participant).ThenBy(e => e.Kind)];
    }

    /// <summary>The grid point at <paramref name="time"/> (events start and end on grid points).</summary>
    private static int GridIndex(FeatureGridOptions grid, MediaTime time) => (int)Math.Round((time - grid.Origin).TotalSeconds * grid.SampleRate);

    /// <summary>Both people's nods (from head pitch) and shakes (from head yaw) in a series with the face features, ordered by start.</summary>
    public static IReadOnlyList<HeadMovementEvent> FromHeadAngles(FeatureSeries faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var events = new List<HeadMovementEvent>();
        foreach (var who in (Participant[])[Participant.A, Participant.B])
        {
            events.AddRange(Detect(faces.Of(who, FaceFeatures.HeadPitch), faces.Grid, who, HeadMovementKind.Nod, AngleOptions));
            events.AddRange(Detect(faces.Of(who, FaceFeatures.HeadYaw), faces.Grid, who, HeadMovementKind.Shake, AngleOptions));
        }

        return [.. events.OrderBy(e => e.Start).ThenBy(e => e.Participant).ThenBy(e => e.Kind)];
    }

    /// <summary>Both participants' nods and shakes in a session, ordered by start time.</summary>
    public static IReadOnlyList<HeadMovementEvent> Detect(FeatureSeries series, HeadMovementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var events = new List<HeadMovementEvent>();
        foreach (var participant in (Participant[])[Participant.A, Participant.B])
        {
            events.AddRange(Detect(series.Of(participant, BodyFeatures.HeadY), series.Grid, participant, HeadMovementKind.Nod, options));
            events.AddRange(Detect(series.Of(participant, BodyFeatures.HeadX), series.Grid, participant, HeadMovementKind.Shake, options));
        }

        return [.. events.OrderBy(e => e.Start).ThenBy(e => e.Participant).ThenBy(e => e.Kind)];
    }

    /// <summary>
    /// Oscillation events of <paramref name="kind"/> in one head position signal on <paramref name="grid"/>
    /// (sample k at grid time k; shoulder widths; NaN = missing).
    /// </summary>
    public static IReadOnlyList<HeadMovementEvent> Detect(IReadOnlyList<double> signal, FeatureGridOptions grid, Participant participant, HeadMovementKind kind, HeadMovementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(grid);
        grid.Validate();
        options ??= HeadMovementOptions.Default;
        options.Validate();
        var detector = new OscillationDetector(options, grid, participant, kind);
        var events = new List<HeadMovementEvent>();
        for (var k = 0; k < signal.Count; k++)
            detector.Add(k, signal[k], events);
        detector.Complete(events);
        return events;
    }

    /// <summary>
    /// Nods and shakes of both participants from a stream of grid samples with the body features
    /// <see cref="BodyFeatures.HeadX"/> and <see cref="BodyFeatures.HeadY"/> (consecutive indices). An event leaves once it is over:
    /// about a cycle and a half after its last turning point, or at the end of the stream.
    /// </summary>
    public static IObservable<HeadMovementEvent> DetectHeadMovements(this IObservable<FeatureSample> samples, HeadMovementOptions? options = null, FeatureGridOptions? grid = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var settings = options ?? HeadMovementOptions.Default;
        settings.Validate();
        var gridSettings = grid ?? FeatureGridOptions.Default;
        gridSettings.Validate();
        var (x, y) = (BodyFeatures.HeadX, BodyFeatures.HeadY);
        return Observable.Create<HeadMovementEvent>(observer =>
        {
            // One detector per participant and direction, owned by this subscription.
            var detectors = new (Participant Participant, string Feature, OscillationDetector Detector)[]
            {
                (Participant.A, y, new OscillationDetector(settings, gridSettings, Participant.A, HeadMovementKind.Nod)),
                (Participant.A, x, new OscillationDetector(settings, gridSettings, Participant.A, HeadMovementKind.Shake)),
                (Participant.B, y, new OscillationDetector(settings, gridSettings, Participant.B, HeadMovementKind.Nod)),
                (Participant.B, x, new OscillationDetector(settings, gridSettings, Participant.B, HeadMovementKind.Shake)),
            };
            var events = new List<HeadMovementEvent>();
            long next = -1;
            var stopped = false;

            void Publish()
            {
                foreach (var e in events)
                    observer.OnNext(e);
                events.Clear();
            }

            return samples.Subscribe(
                sample =>
                {
                    if (stopped)
                        return;
                    if (!sample.Schema.Contains(x) || !sample.Schema.Contains(y) || (next >= 0 && sample.Index != next))
                    {
                        stopped = true;
                        observer.OnError(new ArgumentException($"Head movements need consecutive grid samples with {x} and {y}; got index {sample.Index} with {sample.Schema} at {sample.Time}."));
                        return;
                    }

                    next = sample.Index + 1;
                    foreach (var (participant, feature, detector) in detectors)
                        detector.Add(sample.Index, sample.Value(participant, feature), events);
                    Publish();
                },
                error =>
                {
                    if (stopped)
                        return;
                    stopped = true;
                    observer.OnError(error);
                },
                () =>
                {
                    if (stopped)
                        return;
                    foreach (var (_, _, detector) in detectors)
                        detector.Complete(events);
                    Publish();
                    stopped = true;
                    observer.OnCompleted();
                });
        });
    }
}
