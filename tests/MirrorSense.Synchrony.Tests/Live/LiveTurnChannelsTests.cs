using MirrorSense.Core;
using MirrorSense.Synchrony.Live;
using Xunit;
using Xunit.Abstractions;

namespace MirrorSense.Synchrony.Tests.Live;

public sealed class LiveTurnChannelsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(LiveChannel.Volume, 1)]
    [InlineData(LiveChannel.Volume, 2)]
    [InlineData(LiveChannel.Volume, 3)]
    [InlineData(LiveChannel.Inflection, 1)]
    [InlineData(LiveChannel.Inflection, 2)]
    [InlineData(LiveChannel.Inflection, 3)]
    [InlineData(LiveChannel.Tempo, 1)]
    [InlineData(LiveChannel.Tempo, 2)]
    [InlineData(LiveChannel.Tempo, 3)]
    public void A_voice_that_answers_the_partners_turn_before_reads_well_above_chance(LiveChannel channel, int seed)
    {
        // Given two speakers taking turns for three minutes, each turn of A at its own loudness, pitch range and speech
        // rate, and B answering each with A's
        var answering = Run(channel, seed, answers: true, minutes: 3);
        output.WriteLine($"{channel}, seed {seed}: {answering:0.0}");

        // Then the last minute reads well above chance
        Assert.True(answering > 75, $"{channel} index {answering:0.0} while B answers A");
    }

    [Theory]
    [InlineData(LiveChannel.Volume)]
    [InlineData(LiveChannel.Inflection)]
    [InlineData(LiveChannel.Tempo)]
    public void Voices_that_do_not_answer_each_other_read_chance_on_average(LiveChannel channel)
    {
        // Given twenty five-minute conversations in which B's turns are B's own
        var indices = Enumerable.Range(100, 20).Select(seed => Run(channel, seed, answers: false, minutes: 5)).ToList();
        output.WriteLine($"{channel}: {string.Join(" ", indices.Select(i => i.ToString("0")))}");

        // Then the index over their last three minutes averages chance (each a mean over about six independent windows)
        Assert.InRange(indices.Average(), 42, 58);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_low_voice_the_tracker_misreads_at_a_harmonic_now_and_then_still_shows_its_partner_answering_its_liveliness(int seed)
    {
        // Given B answering the pitch range of each of A's turns, and a quarter of the frames of every third turn of A
        // read at 4.6 times the pitch (a low voice dipping under the tracker's floor)
        var answering = Run(LiveChannel.Inflection, seed, answers: true, minutes: 3, misreadEveryThirdTurnOfA: true);
        output.WriteLine($"seed {seed}: {answering:0.0}");

        // Then those frames are left out of A's ranges and the meter reads the answers as before
        Assert.True(answering > 75, $"liveliness index {answering:0.0} while B answers A");
    }

    /// <summary>The channel's mean index after the first two minutes of a conversation (the chance pairings gather meanwhile).</summary>
    private static double Run(LiveChannel channel, int seed, bool answers, int minutes, bool misreadEveryThirdTurnOfA = false)
    {
        var random = new Random(seed);
        var engine = new LiveCoordinationEngine(new LiveBodySignals(1).Layout);
        var indices = new List<double>();
        var (loudness, range, rate) = (60.0, 4.0, 4.0);
        var t = 0.0;
        for (var turn = 0; t < 60 * minutes; turn++)
        {
            var speaker = turn % 2 == 0 ? Participant.A : Participant.B;
            if (speaker == Participant.A || !answers)
                (loudness, range, rate) = (55 + 20 * random.NextDouble(), 1 + 8 * random.NextDouble(), 2.5 + 3 * random.NextDouble());
            var seconds = 1.5 + 2 * random.NextDouble();
            var misread = misreadEveryThirdTurnOfA && speaker == Participant.A && turn % 6 == 0;
            foreach (var update in Turn(engine, speaker, t, seconds, loudness + random.NextDouble(), range * (0.95 + 0.1 * random.NextDouble()), rate * (0.97 + 0.06 * random.NextDouble()), misread))
                if (update[channel] is { } reading && update.Time.Seconds >= 120 && !double.IsNaN(reading.Index))
                    indices.Add(reading.Index);
            t += seconds + 0.6;
        }

        return indices.Average();
    }

    /// <summary>
    /// One turn: voiced frames at 100 a second whose pitch sweeps <paramref name="rangeSemitones"/> at <paramref name="loudnessDb"/>,
    /// a pause, and the unit (its syllables at <paramref name="syllablesPerSecond"/>), which arrives once the pause has shown it ended.
    /// </summary>
    /// <param name="misread">A quarter of the voiced frames read at 4.6 times their pitch, as a tracker reads a harmonic.</param>
    private static IEnumerable<CoordinationUpdate> Turn(LiveCoordinationEngine engine, Participant speaker, double start, double seconds, double loudnessDb, double rangeSemitones, double syllablesPerSecond, bool misread = false)
    {
        var frames = (int)(seconds * 100);
        for (var k = 0; k <= frames + 50; k++)
        {
            var time = start + k / 100.0;
            var voiced = k <= frames;
            var semitones = rangeSemitones / 2 * Math.Sin(2 * Math.PI * 1.3 * (time - start));
            var hz = 150 * Math.Pow(2, semitones / 12) * (misread && k % 4 == 0 ? 4.6 : 1);
            if (engine.Add(new SpokenFrame(speaker, new ProsodyFrame(MediaTime.FromSeconds(time), voiced ? hz : double.NaN, voiced ? loudnessDb : 35))) is { } update)
                yield return update;
            if (k == frames + 30)
                engine.Add(new SpeechUnit(speaker, MediaTime.FromSeconds(start), MediaTime.FromSeconds(start + frames / 100.0), double.NaN, double.NaN, (int)Math.Round(syllablesPerSecond * frames / 100.0)));
        }
    }
}
