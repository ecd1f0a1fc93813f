using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class VolumeAndInflectionTests
{
    private static readonly TimeSpan Session = TimeSpan.FromSeconds(300);
    private static readonly VoiceContourOptions Contours = new(Surrogates: 39, Permutations: 499);

    [Fact]
    public void B_answering_the_loudness_of_As_last_turn_is_volume_coordination_led_by_A()
    {
        // Given A's loudness drawn anew every turn and B speaking each turn at 0.8 of A's last departure from A's level
        var random = new Random(1);
        var turnsA = Enumerable.Range(0, 80).Select(_ => 6 * (random.NextDouble() - 0.5)).ToArray();
        var a = Voice(Participant.A, speaksFirst: true, turn => (150, 65 + turnsA[turn / 2], 1), random);
        var b = Voice(Participant.B, speaksFirst: false, turn => (220, 70 + 0.8 * turnsA[(turn - 1) / 2] + random.NextDouble() - 0.5, 1), random);

        // When volume is measured
        var measure = new VoiceContourCoordination(VoiceChannel.Loudness, Contours).Compute(a, b, MediaTime.Zero, Session);

        // Then it is beyond chance, and A is the one answered
        Assert.Equal(MeasureNames.Volume, measure.Name);
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.True(measure.Detail("synchrony_b_follows_a") > 0.6, $"B follows A: r = {measure.Detail("synchrony_b_follows_a")}");
    }

    [Fact]
    public void Speakers_who_each_choose_their_own_loudness_are_not_coordinated_in_volume()
    {
        var significant = Enumerable.Range(10, 20).Count(seed =>
        {
            var random = new Random(seed);
            var a = Voice(Participant.A, speaksFirst: true, _ => (150, 65 + 6 * (random.NextDouble() - 0.5), 1), random);
            var b = Voice(Participant.B, speaksFirst: false, _ => (220, 70 + 6 * (random.NextDouble() - 0.5), 1), random);
            return new VoiceContourCoordination(VoiceChannel.Loudness, Contours).Compute(a, b, MediaTime.Zero, Session).Significant;
        });

        Assert.True(significant <= 3, $"{significant} of 20 sessions significant");
    }

    [Fact]
    public void B_answering_the_pitch_liveliness_of_As_last_turn_is_inflection_coordination_led_by_A()
    {
        // Given A's pitch range (semitones of swing within a unit) drawn anew every turn and B's following it
        var random = new Random(2);
        var rangesA = Enumerable.Range(0, 80).Select(_ => 2 + 6 * random.NextDouble()).ToArray();
        var a = Voice(Participant.A, speaksFirst: true, turn => (150, 65, rangesA[turn / 2]), random);
        var b = Voice(Participant.B, speaksFirst: false, turn => (220, 70, 1 + 0.8 * rangesA[(turn - 1) / 2] + random.NextDouble()), random);

        var measure = new TurnCoordination(TurnFeature.PitchRange, 499).Compute(a, b);

        Assert.Equal(MeasureNames.Inflection, measure.Name);
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.Equal(Participant.A, measure.Leader);
    }

    [Fact]
    public void A_flat_and_a_lively_speaker_are_far_apart_in_inflection_and_two_alike_are_close()
    {
        var random = new Random(3);
        var flat = Voice(Participant.A, speaksFirst: true, _ => (150, 65, 1 + random.NextDouble()), random);
        var alike = Voice(Participant.B, speaksFirst: false, _ => (220, 70, 1 + random.NextDouble()), random);
        var lively = Voice(Participant.B, speaksFirst: false, _ => (220, 70, 7 + random.NextDouble()), random);

        var close = new TurnCoordination(TurnFeature.PitchRange, 99).Compute(flat, alike);
        var far = new TurnCoordination(TurnFeature.PitchRange, 99).Compute(flat, lively);

        Assert.InRange(close.Detail("range_difference_st"), 0, 1);
        Assert.InRange(far.Detail("range_difference_st"), 5, 7);
        Assert.InRange(far.Detail("range_b_st") - far.Detail("range_a_st"), 5, 7);
    }

    [Fact]
    public void A_units_pitch_range_is_the_spread_of_its_middle_frames_not_of_one_tracking_error()
    {
        // Given a unit whose pitch rises evenly by 10 semitones, with one octave jump of the tracker in the middle
        var frames = Enumerable.Range(0, 101).Select(i => new ProsodyFrame(
            MediaTime.FromSeconds(i / 100.0),
            i == 50 ? 400 : 100 * Math.Pow(2, 10.0 * i / 100 / 12),
            70)).ToImmutableArray();
        var unit = SpeechUnit.Unmeasured(Participant.A, MediaTime.Zero, MediaTime.FromSeconds(1));
        var voice = SpeakerVoice.FromFrames(Participant.A, frames, [unit]);

        // Then its range is the 10th to 90th percentile spread, about 8 of the 10 semitones, untouched by the jump
        Assert.InRange(voice.PitchRangeSemitones(voice.Units[0]), 7.8, 8.2);
    }

    [Fact]
    public void Loudness_is_read_only_while_the_speaker_voices_and_relative_to_their_own_median()
    {
        // Given frames at 40 dB of room noise around one unit voiced at 70 dB, with a pause of digital silence
        // (−300 dB, unvoiced) between two words inside it
        var frames = Enumerable.Range(0, 300).Select(i => i switch
        {
            >= 140 and < 160 => new ProsodyFrame(MediaTime.FromSeconds(i / 100.0), double.NaN, -300),
            >= 100 and < 200 => new ProsodyFrame(MediaTime.FromSeconds(i / 100.0), 150, 70),
            _ => new ProsodyFrame(MediaTime.FromSeconds(i / 100.0), double.NaN, 40),
        }).ToImmutableArray();
        var voice = SpeakerVoice.FromFrames(Participant.A, frames, [SpeechUnit.Unmeasured(Participant.A, MediaTime.FromSeconds(1), MediaTime.FromSeconds(1.99))]);

        // When its loudness is read on a 100 Hz grid and per unit
        var grid = voice.RelativeLoudnessGrid(MediaTime.Zero, 100, 300);

        // Then only the voiced frames count, at 0 dB re the median, and the unit is as loud as its voice, not 40 dB
        // quieter for the silence between its words
        Assert.All(grid[..100], value => Assert.True(double.IsNaN(value)));
        Assert.All(grid[100..140], value => Assert.Equal(0, value, 9));
        Assert.All(grid[140..160], value => Assert.True(double.IsNaN(value)));
        Assert.All(grid[160..200], value => Assert.Equal(0, value, 9));
        Assert.All(grid[200..], value => Assert.True(double.IsNaN(value)));
        Assert.Equal(70, voice.VoicedLoudnessDb(voice.Units[0]), 9);
        Assert.True(voice.Units[0].MeanIntensityDb < 10, $"the unit's mean over all frames is {voice.Units[0].MeanIntensityDb} dB");
    }

    [Fact]
    public void Speakers_whose_loudness_wanders_on_its_own_with_pauses_inside_their_units_are_volume_coordinated_at_about_the_nominal_rate()
    {
        // Given 60 sessions of two speakers who each drift in loudness and speak every turn at their own level, each
        // unit with a pause of digital silence of its own length between two words
        var significant = Enumerable.Range(100, 60).Count(seed =>
        {
            var random = new Random(seed);
            var driftA = Drift(random, 150, 3);
            var driftB = Drift(random, 150, 3);
            var a = Voice(Participant.A, speaksFirst: true, turn => (150, 65 + driftA[turn] + 2 * (random.NextDouble() - 0.5), 1), random, pauseInUnits: true);
            var b = Voice(Participant.B, speaksFirst: false, turn => (220, 70 + driftB[turn] + 2 * (random.NextDouble() - 0.5), 1), random, pauseInUnits: true);

            // When volume is measured
            return new VoiceContourCoordination(VoiceChannel.Loudness, Contours with { TrendSeconds = 30, Seed = seed }).Compute(a, b, MediaTime.Zero, Session).Significant;
        });

        // Then about 5 % of them are beyond chance: 4 of 60 today (6 when turn synchrony shuffled what was left after
        // each speaker's course had been taken off); above 6 happens by chance in fewer than 5 runs in 100
        Assert.True(significant <= 6, $"{significant} of 60 sessions significant");
    }

    [Fact]
    public void Microphone_hiss_that_joins_a_speakers_turns_into_one_unit_still_leaves_inflection_every_change_of_speaker()
    {
        // Given two speakers in alternating 2 s turns whose microphones heard hiss above the silence threshold all
        // along, so that each speaker's whole session came out as one unit
        var random = new Random(4);
        var a = Hissing(Voice(Participant.A, speaksFirst: true, _ => (150, 65, 2 + 4 * random.NextDouble()), random));
        var b = Hissing(Voice(Participant.B, speaksFirst: false, _ => (220, 70, 2 + 4 * random.NextDouble()), random));

        // When inflection is measured
        var measure = new TurnCoordination(TurnFeature.PitchRange, 499).Compute(a, b);

        // Then each turn is a unit again (its voiced phrase), so every one of the 149 changes of speaker is compared,
        // not the one between two session-long "units" whose ranges span every turn's level
        Assert.Equal(149, measure.Detail("turn_pairs"));
        Assert.InRange(measure.Detail("range_a_st"), 2, 6);
    }

    [Fact]
    public void Independent_speakers_whose_hiss_joined_part_of_their_turns_are_inflection_coordinated_at_about_the_nominal_rate()
    {
        // Given 100 sessions of two speakers choosing each turn's liveliness on their own, whose microphones' hiss
        // joined their turns into one unit until a time of its own (as when a recording's loudest moment comes late)
        var significant = Enumerable.Range(200, 100).Count(seed =>
        {
            var random = new Random(seed);
            var a = Hissing(Voice(Participant.A, speaksFirst: true, _ => (150, 65, 1 + 6 * random.NextDouble()), random), until: 30 + 240 * random.NextDouble());
            var b = Hissing(Voice(Participant.B, speaksFirst: false, _ => (220, 70, 1 + 6 * random.NextDouble()), random), until: 30 + 240 * random.NextDouble());

            // When inflection is measured
            return new TurnCoordination(TurnFeature.PitchRange, 499, seed).Compute(a, b).Significant;
        });

        // Then about 5 % of them are beyond chance (at most 9 of 100)
        Assert.True(significant <= 9, $"{significant} of 100 sessions significant");
    }

    [Fact]
    public void Frames_a_tracker_read_at_a_harmonic_of_a_low_voice_do_not_make_its_turns_lively()
    {
        // Given a low voice (85 Hz) swinging 3 semitones in every turn, and the same voice as the tracker reads it when
        // it dips under the pitch floor: a quarter of the frames of every third turn at 4.6 times the pitch
        var random = new Random(5);
        var clean = Voice(Participant.A, speaksFirst: true, _ => (85, 65, 3), random);
        var b = Voice(Participant.B, speaksFirst: false, _ => (220, 70, 3), random);
        var misread = clean with
        {
            Frames = [.. clean.Frames.Select((f, i) => (i / 400) % 3 == 0 && i % 4 == 0 && !double.IsNaN(f.FrequencyHz) ? f with { FrequencyHz = 4.6 * f.FrequencyHz } : f)],
        };

        // When inflection is measured on both
        var measured = new TurnCoordination(TurnFeature.PitchRange, 99).Compute(misread, b).Detail("range_a_st");
        var truth = new TurnCoordination(TurnFeature.PitchRange, 99).Compute(clean, b).Detail("range_a_st");

        // Then the misread frames are left out: A's range stays the clean one's, not the 26 semitones the harmonic spans
        Assert.InRange(measured, truth - 0.3, truth + 0.3);
    }

    [Fact]
    public void A_speakers_plausible_pitch_runs_from_three_quarters_of_the_first_quartile_to_one_and_a_half_of_the_third()
    {
        // Given voiced frames evenly from 100 to 200 Hz (quartiles 125 and 175 Hz), and unvoiced ones
        var semitones = Enumerable.Range(0, 101).Select(i => SpeakerVoice.Semitones(100 + i)).Append(double.NaN).ToArray();

        var span = SpeakerPitchSpan.Of(semitones);

        // Then 94 Hz and 262 Hz are inside, 93 Hz and 263 Hz outside, and a voice never heard rules nothing out
        Assert.True(span.Contains(SpeakerVoice.Semitones(94)) && span.Contains(SpeakerVoice.Semitones(262)));
        Assert.False(span.Contains(SpeakerVoice.Semitones(93)) || span.Contains(SpeakerVoice.Semitones(263)));
        Assert.True(SpeakerPitchSpan.Of([double.NaN]).Contains(SpeakerVoice.Semitones(1000)));
    }

    /// <summary>The voice with its units up to <paramref name="until"/> seconds joined into one, as hiss above the silence threshold joins them.</summary>
    private static SpeakerVoice Hissing(SpeakerVoice voice, double until = double.PositiveInfinity)
    {
        var joined = voice.Units.Where(u => u.End.Seconds <= until).ToArray();
        IEnumerable<SpeechUnit> units = joined.Length == 0 ? voice.Units : [SpeechUnit.Unmeasured(voice.Speaker, MediaTime.Zero, joined[^1].End), .. voice.Units.Skip(joined.Length)];
        return SpeakerVoice.FromFrames(voice.Speaker, voice.Frames, [.. units]);
    }

    /// <summary>A slow random course per turn: a random walk of small steps, about ±<paramref name="size"/> dB.</summary>
    private static double[] Drift(Random random, int turns, double size)
    {
        var course = new double[turns];
        for (var t = 1; t < turns; t++)
            course[t] = 0.95 * course[t - 1] + size * 0.3 * (random.NextDouble() - 0.5);
        return course;
    }

    /// <summary>
    /// A speaker in every other 2 s turn of <see cref="Session"/>, one unit per turn; each turn's (base pitch Hz,
    /// loudness dB, pitch swing in semitones) from its turn number; the pitch swings up and down once within the unit.
    /// </summary>
    private static SpeakerVoice Voice(Participant who, bool speaksFirst, Func<int, (double Hz, double Db, double Swing)> turnOf, Random random, bool pauseInUnits = false)
    {
        var pause = (From: 0, To: 0);
        var frames = ImmutableArray.CreateBuilder<ProsodyFrame>();
        var units = new List<SpeechUnit>();
        var total = (int)Session.TotalSeconds * 100;
        (double Hz, double Db, double Swing) current = default;
        for (var t = 0; t < total; t++)
        {
            var turn = t / 200;
            var mine = turn % 2 == (speaksFirst ? 0 : 1);
            var within = t % 200;
            if (mine && within == 0)
            {
                current = turnOf(turn);
                var from = 40 + random.Next(100);
                pause = pauseInUnits ? (from, from + 5 + random.Next(20)) : (0, 0);
                units.Add(SpeechUnit.Unmeasured(who, MediaTime.FromSeconds(turn * 2 + 0.1), MediaTime.FromSeconds(turn * 2 + 1.9)));
            }

            var silent = mine && within >= pause.From && within < pause.To;
            var speaking = mine && within is > 10 and < 190 && !silent;
            var hz = current.Hz * Math.Pow(2, current.Swing / 2 * Math.Sin(2 * Math.PI * within / 180) / 12);
            var db = silent ? -300 : speaking ? current.Db + 0.5 * (random.NextDouble() - 0.5) : 35 + random.NextDouble();
            frames.Add(new ProsodyFrame(MediaTime.FromSeconds(t / 100.0), speaking ? hz : double.NaN, db));
        }

        return SpeakerVoice.FromFrames(who, frames.ToImmutable(), units);
    }
}
