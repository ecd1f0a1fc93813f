using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// A live turn-level channel (tempo, volume, inflection; MEASURES.md §3 proximity): the mean difference of one value of
/// adjacent units across a change of speaker in the last window, negated so closer is higher. Its index is its
/// percentile among means of as many chance pairings of the same two voices (the partner's units far in time from each
/// new unit): a mean of several differences set against single differences would sit near the middle of them whatever
/// the two did, so half-matched turns (B answering A, A moving on) read barely above chance.
/// </summary>
/// <param name="valueOf">The unit's value (NaN where it cannot be told), read once, when the unit arrives.</param>
internal sealed class TurnProximity(LiveChannel channel, Func<SpeechUnit, double> valueOf, LiveCoordinationOptions options)
{
    /// <summary>Units kept: what the window and its non-adjacent pairs need.</summary>
    private const int Kept = 400;

    /// <summary>Chance means drawn for each reading.</summary>
    private const int Draws = 200;

    private readonly List<(SpeechUnit Unit, double Value)> _units = [];
    private readonly Queue<double> _chance = new();
    private readonly Random _draws = new(unchecked(options.Seed * 31 + (int)channel));

    public ChannelReading Reading { get; private set; } = Missing(channel);

    public void Add(SpeechUnit unit)
    {
        var value = valueOf(unit);
        if (!double.IsFinite(value))
            return;
        foreach (var (other, otherValue) in _units)
            if (other.SpeakerInDyad != unit.SpeakerInDyad && Math.Abs((other.End - unit.End).TotalSeconds) > options.TurnWindowSeconds)
                AddChance(Math.Abs(otherValue - value));
        _units.Add((unit, value));
        if (_units.Count > Kept)
            _units.RemoveRange(0, _units.Count - Kept);
    }

    public void Update(MediaTime now)
    {
        var from = now - TimeSpan.FromSeconds(options.TurnWindowSeconds);
        var recent = _units.Where(u => u.Unit.End >= from).OrderBy(u => u.Unit.Start).ToList();
        var differences = new List<double>();
        for (var i = 1; i < recent.Count; i++)
            if (recent[i].Unit.SpeakerInDyad != recent[i - 1].Unit.SpeakerInDyad)
                differences.Add(Math.Abs(recent[i].Value - recent[i - 1].Value));
        if (differences.Count == 0)
        {
            Reading = Missing(channel);
            return;
        }

        var difference = differences.Average();
        var index = _chance.Count < options.MinimumSurrogates ? double.NaN : Index(difference, differences.Count);
        Reading = new ChannelReading(channel, index, Math.Min(1.0, differences.Count / 4.0) * Math.Min(1.0, (double)_chance.Count / options.MinimumSurrogates),
            difference, double.NaN, null, double.IsNaN(index) ? ChannelState.Calibrating : ChannelState.InBand);
    }

    private void AddChance(double difference)
    {
        _chance.Enqueue(difference);
        if (_chance.Count > options.SurrogatePool * 4)
            _chance.Dequeue();
    }

    /// <summary>The share (0–100) of chance means of <paramref name="pairs"/> differences that are larger than <paramref name="difference"/> (ties count half).</summary>
    private double Index(double difference, int pairs)
    {
        var pool = _chance.ToArray();
        double above = 0;
        for (var d = 0; d < Draws; d++)
        {
            double sum = 0;
            for (var k = 0; k < pairs; k++)
                sum += pool[_draws.Next(pool.Length)];
            var mean = sum / pairs;
            above += mean > difference ? 1 : mean == difference ? 0.5 : 0;
        }

        return 100 * above / Draws;
    }

    private static ChannelReading Missing(LiveChannel channel) => new(channel, double.NaN, 0, double.NaN, double.NaN, null, ChannelState.NoData);
}
