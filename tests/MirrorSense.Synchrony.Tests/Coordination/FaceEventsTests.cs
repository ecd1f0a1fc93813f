using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class FaceEventsTests
{
    private const double Rate = 30;

    [Fact]
    public void Each_smile_becomes_one_event_from_its_onset_to_its_offset_at_the_analysis_rate()
    {
        // Given A smiling from 2 s to 4.5 s and from 7 s to 8 s, B never, on a 30 Hz grid starting at 10 s
        var smileA = Signal(10, t => t is >= 2 and < 4.5 or >= 7 and < 8 ? 0.8 : 0);
        var faces = Faces(smileA, Signal(10, _ => 0), Signal(10, _ => 0), Signal(10, _ => 0));

        // When the events are read
        var events = FaceEvents.Of(faces, MediaTime.FromSeconds(10), new SmileMimicryOptions(), new MutualGazeOptions());

        // Then A has two smiles at the times they happened, to the tenth of a second, and B none
        var smiles = events.Where(e => e.Kind == FaceEventKind.Smile).ToArray();
        Assert.Equal(2, smiles.Length);
        Assert.All(smiles, s => Assert.Equal(Participant.A, s.Participant));
        Assert.Equal([12.0, 14.5, 17.0, 18.0], smiles.SelectMany(s => new[] { s.Start.Seconds, s.End.Seconds }).Select(t => Math.Round(t, 1)));
    }

    [Fact]
    public void Mutual_gaze_is_where_both_look_and_belongs_to_no_one_person()
    {
        // Given A looking from 1 s to 6 s and B from 4 s to 9 s
        var faces = Faces(Signal(10, _ => 0), Signal(10, _ => 0), Signal(10, t => t is >= 1 and < 6 ? 1 : 0), Signal(10, t => t is >= 4 and < 9 ? 1 : 0));

        var events = FaceEvents.Of(faces, default, new SmileMimicryOptions(), new MutualGazeOptions());

        // Then each person's look is an event and they meet from 4 s to 6 s
        var mutual = Assert.Single(events, e => e.Kind == FaceEventKind.MutualGaze);
        Assert.Null(mutual.Participant);
        Assert.Equal(4.0, mutual.Start.Seconds, 6);
        Assert.Equal(6.0, mutual.End.Seconds, 6);
        Assert.Equal(1.0, Assert.Single(events, e => e.Kind == FaceEventKind.Looking && e.Participant == Participant.A).Start.Seconds, 6);
        Assert.Equal(9.0, Assert.Single(events, e => e.Kind == FaceEventKind.Looking && e.Participant == Participant.B).End.Seconds, 6);
    }

    [Fact]
    public void A_face_not_seen_ends_a_look_rather_than_bridging_it()
    {
        // Given B looking throughout but out of view from 3 s to 5 s
        var faces = Faces(Signal(8, _ => 0), Signal(8, _ => 0), Signal(8, _ => 0), Signal(8, t => t is >= 3 and < 5 ? double.NaN : 1));

        var looks = FaceEvents.Of(faces, default, new SmileMimicryOptions(), new MutualGazeOptions())
            .Where(e => e.Kind == FaceEventKind.Looking && e.Participant == Participant.B).ToArray();

        Assert.Equal([(0.0, 3.0), (5.0, 8.0)], looks.Select(l => (Math.Round(l.Start.Seconds, 6), Math.Round(l.End.Seconds, 6))));
    }

    private static double[] Signal(double seconds, Func<double, double> value) =>
        [.. Enumerable.Range(0, (int)(seconds * Rate)).Select(i => value(i / Rate))];

    private static FaceSignals Faces(double[] smileA, double[] smileB, double[] lookingA, double[] lookingB) =>
        new(new DyadSeries("smile", Rate, [.. smileA], [.. smileB]), new DyadSeries("looking_at_partner", Rate, [.. lookingA], [.. lookingB]), []);
}
