using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class VoiceCoordinationTests
{
    private static readonly TimeSpan Session = TimeSpan.FromSeconds(300);
    private static readonly VoiceContourOptions Tone = new(Surrogates: 39, Permutations: 499);

    [Fact]
    public void B_whose_pitch_follows_As_course_four_seconds_later_is_coordinated_in_tone_with_A_leading()
    {
        var random = new Random(1);
        var course = Drift(random, (int)Session.TotalSeconds * 100);
        var a = Speaker(Participant.A, t => 150 * Math.Pow(2, course[t] / 12), speaksFirst: true, random);
        var b = Speaker(Participant.B, t => 220 * Math.Pow(2, (t >= 400 ? course[t - 400] : 0) / 12), speaksFirst: false, random);

        var measure = new VoiceContourCoordination(VoiceChannel.Pitch, Tone).Compute(a, b, MediaTime.Zero, Session);

        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.InRange(measure.BestLagSeconds, 3, 5);
        Assert.Equal(Participant.A, measure.Leader);
        Assert.True(measure.Value > 0.5, $"r = {measure.Value}");
    }

    [Fact]
    public void Pitch_courses_of_their_own_are_not_coordinated_in_tone()
    {
        var random = new Random(2);
        var courseA = Drift(random, (int)Session.TotalSeconds * 100);
        var courseB = Drift(random, (int)Session.TotalSeconds * 100);
        var a = Speaker(Participant.A, t => 150 * Math.Pow(2, courseA[t] / 12), speaksFirst: true, random);
        var b = Speaker(Participant.B, t => 220 * Math.Pow(2, courseB[t] / 12), speaksFirst: false, random);

        var measure = new VoiceContourCoordination(VoiceChannel.Pitch, Tone).Compute(a, b, MediaTime.Zero, Session);

        Assert.False(measure.Significant, $"p = {measure.PValue}");
    }

    [Fact]
    public void B_whose_pitch_drifts_toward_As_converges_with_a_negative_trend_in_their_distance()
    {
        var random = new Random(3);
        var a = Speaker(Participant.A, _ => 120 * (1 + 0.02 * random.NextDouble()), speaksFirst: true, random);
        var b = Speaker(Participant.B, t => 200 - 70 * t / (Session.TotalSeconds * 100) + 3 * random.NextDouble(), speaksFirst: false, random);

        var measure = new VoiceContourCoordination(VoiceChannel.Pitch, Tone).Compute(a, b, MediaTime.Zero, Session);

        Assert.True(measure.Detail("convergence") < -0.5, $"convergence r = {measure.Detail("convergence")}");
        Assert.True(measure.Detail("convergence_p") < 0.05, $"p = {measure.Detail("convergence_p")}");
    }

    [Fact]
    public void Matched_and_mismatched_speech_rates_are_told_apart()
    {
        var random = new Random(4);
        var a = Speaker(Participant.A, _ => 150, speaksFirst: true, random, rate: () => 4 + 0.4 * random.NextDouble());
        var matched = Speaker(Participant.B, _ => 220, speaksFirst: false, random, rate: () => 4 + 0.4 * random.NextDouble());
        var mismatched = Speaker(Participant.B, _ => 220, speaksFirst: false, random, rate: () => 6.5 + 0.4 * random.NextDouble());

        var same = new TurnCoordination(TurnFeature.SpeechRate, 499).Compute(a, matched);
        var different = new TurnCoordination(TurnFeature.SpeechRate, 499).Compute(a, mismatched);

        Assert.InRange(same.Detail("rate_difference_per_s"), 0, 0.5);
        Assert.InRange(different.Detail("rate_difference_per_s"), 2, 3);
        Assert.All(same.Windows, w => Assert.True(w.Value <= 0));
    }

    [Fact]
    public void A_session_without_both_voices_reports_every_voice_measure_missing_and_why()
    {
        var random = new Random(5);
        var signals = new SessionSignals(MediaTime.Zero, Session, null, null, Speaker(Participant.A, _ => 150, true, random), null);

        var report = new CoordinationAnalysis(new CoordinationSettings()).Analyse(signals);

        Assert.Empty(report.Measures);
        Assert.Equal([MeasureNames.PostureMirroring, MeasureNames.GestureSynchrony, MeasureNames.Proximity, MeasureNames.Tone, MeasureNames.Tempo, MeasureNames.Volume, MeasureNames.Inflection], report.Missing.Select(m => m.Name));
        Assert.All(report.Missing.Skip(3), missing => Assert.Contains("audio", missing.Reason));
    }

    [Fact]
    public void Tone_is_not_significant_when_both_voices_drift_the_same_way()
    {
        // Given sessions where both speakers' pitch rises 10 semitones from start to end, each turn otherwise its own
        var frames = (int)Session.TotalSeconds * 100;
        double Rise(int t) => 10.0 * t / frames;

        // When tone is measured on each
        var significant = SignificantAmong20(100, random =>
        {
            var turnsA = TurnOffsets(random, frames);
            var turnsB = TurnOffsets(random, frames);
            var a = Speaker(Participant.A, t => 150 * Math.Pow(2, (Rise(t) + turnsA[t / 200]) / 12), speaksFirst: true, random);
            var b = Speaker(Participant.B, t => 220 * Math.Pow(2, (Rise(t) + turnsB[t / 200]) / 12), speaksFirst: false, random);
            return new VoiceContourCoordination(VoiceChannel.Pitch, Tone).Compute(a, b, MediaTime.Zero, Session);
        });

        // Then about 5 % of them are significant, as for any null (4 of 20 is already unlikely at 5 %)
        Assert.True(significant <= 3, $"{significant} of 20 sessions significant");
    }

    [Fact]
    public void Tone_is_not_significant_for_voices_of_their_own_in_short_sessions()
    {
        // Given 90 s sessions of two speakers, each pitch on its own slow course: a rotated surrogate joins B's end
        // to B's start, a jump inside nearly every window of so short a session
        var session = TimeSpan.FromSeconds(90);

        // When tone is measured on each
        var significant = SignificantAmong20(400, random =>
        {
            var courseA = Drift(random, (int)Session.TotalSeconds * 100);
            var courseB = Drift(random, (int)Session.TotalSeconds * 100);
            var a = Speaker(Participant.A, t => 150 * Math.Pow(2, courseA[t] / 12), speaksFirst: true, random);
            var b = Speaker(Participant.B, t => 220 * Math.Pow(2, courseB[t] / 12), speaksFirst: false, random);
            return new VoiceContourCoordination(VoiceChannel.Pitch, Tone).Compute(a, b, MediaTime.Zero, session);
        });

        // Then about 5 % of them are significant, as for any null
        Assert.True(significant <= 3, $"{significant} of 20 sessions significant");
    }

    [Fact]
    public void A_session_too_short_for_a_whole_contour_window_takes_its_tone_p_and_leader_from_the_turns_alone()
    {
        // Given 40 s (the contours keep only what lies 30 s from either end, so nothing) in which each of B's turns
        // is spoken at the pitch of A's turn before it
        var random = new Random(7);
        var turnsA = TurnOffsets(random, (int)Session.TotalSeconds * 100);
        var a = Speaker(Participant.A, t => 150 * Math.Pow(2, 4 * turnsA[t / 200] / 12), speaksFirst: true, random);
        var b = Speaker(Participant.B, t => 220 * Math.Pow(2, 4 * turnsA[Math.Max(0, t / 200 - 1)] / 12), speaksFirst: false, random);

        var measure = new VoiceContourCoordination(VoiceChannel.Pitch, Tone).Compute(a, b, MediaTime.Zero, TimeSpan.FromSeconds(40));

        // Then there is no contour value, and the turns say that B answers A
        Assert.True(double.IsNaN(measure.Value));
        Assert.Equal(measure.Detail("synchrony_p"), measure.PValue);
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.Equal(Participant.A, measure.Leader);
    }

    [Fact]
    public void Tone_says_the_smallest_p_a_short_session_allows()
    {
        // Given a 120 s session, of which the contours keep the middle 60 s (30 s from either end the 60 s course
        // is fitted on one side only), windows of 40 s (32 s + 8 s lag) every 4 s: B's contour can be shifted by
        // 17 to 43 s (beyond the lags plus half the 16 s frame), but only shifts whose seam (where B's end meets its
        // start) lies outside some window give a surrogate: seams at 17–20 s (the last window starts at 20 s) and
        // 40–43 s (the first ends at 39 s)
        var random = new Random(6);
        var session = TimeSpan.FromSeconds(120);
        var a = Speaker(Participant.A, _ => 150 * (1 + 0.05 * random.NextDouble()), speaksFirst: true, random);
        var b = Speaker(Participant.B, _ => 220 * (1 + 0.05 * random.NextDouble()), speaksFirst: false, random);

        // When tone asks for 100 surrogates
        var measure = new VoiceContourCoordination(VoiceChannel.Pitch, new VoiceContourOptions(IncrementSeconds: 4)).Compute(a, b, MediaTime.Zero, session);

        // Then it has 8, each used once, and no p can be smaller than 1 in 9
        Assert.Equal(1.0 / 9, measure.Detail("p_floor"), 12);
        Assert.True(measure.PValue >= measure.Detail("p_floor"), $"p = {measure.PValue}");
        Assert.False(measure.Significant);
    }

    [Fact]
    public void Tempo_is_not_significant_when_both_speakers_slow_down_together()
    {
        // Given sessions where both speakers' rates fall from 5.5 to 3.5 syllables per second, each turn otherwise its own
        // When tempo is measured on each
        var significant = SignificantAmong20(200, random =>
        {
            var a = RatedVoice(Participant.A, 0, t => 5.5 - 2 * t + 0.6 * (random.NextDouble() - 0.5));
            var b = RatedVoice(Participant.B, 1, t => 5.5 - 2 * t + 0.6 * (random.NextDouble() - 0.5));
            return new TurnCoordination(TurnFeature.SpeechRate, 499, random.Next()).Compute(a, b);
        });

        // Then about 5 % of them are significant, as for any null
        Assert.True(significant <= 3, $"{significant} of 20 sessions significant");
    }

    [Fact]
    public void Tempo_finds_B_answering_the_rate_of_As_previous_turn_whatever_their_own_rates()
    {
        // Given B speaking 2 syllables per second faster than A, and answering 0.6 of A's last departure from A's rate
        var random = new Random(7);
        var departures = new Queue<double>();
        var a = RatedVoice(Participant.A, 0, _ =>
        {
            departures.Enqueue(random.NextDouble() - 0.5);
            return 4 + departures.Last();
        });
        var b = RatedVoice(Participant.B, 1, _ => 6 + 0.6 * departures.Dequeue() + 0.4 * (random.NextDouble() - 0.5));

        // When tempo is measured
        var measure = new TurnCoordination(TurnFeature.SpeechRate, 499).Compute(a, b);

        // Then adjacent turns are closer in rate than other pairs once each speaker's own level is set aside
        Assert.True(measure.Significant, $"p = {measure.PValue}");
        Assert.True(measure.Value > 0, $"proximity {measure.Value}");
    }

    /// <summary>How many of 20 null sessions, each built from its own seed from <paramref name="firstSeed"/> on, a measure calls significant.</summary>
    private static int SignificantAmong20(int firstSeed, Func<Random, CoordinationMeasure> measure) =>
        Enumerable.Range(firstSeed, 20).Count(seed => measure(new Random(seed)).Significant);

    /// <summary>One pitch offset in semitones per 2 s turn, drawn independently (±1.5).</summary>
    private static double[] TurnOffsets(Random random, int frames) => [.. Enumerable.Range(0, frames / 200 + 1).Select(_ => 3 * (random.NextDouble() - 0.5))];

    /// <summary>
    /// A speaker with one unit in every other 2 s turn of <see cref="Session"/> (the first at <paramref name="firstTurn"/>),
    /// each unit's rate from how far into the session (0–1) it starts; frames play no part in tempo.
    /// </summary>
    private static SpeakerVoice RatedVoice(Participant who, int firstTurn, Func<double, double> rateAt) => new(
        who,
        [],
        [.. Enumerable.Range(0, (int)Session.TotalSeconds / 4).Select(k =>
        {
            var start = (2 * k + firstTurn) * 2 + 0.1;
            return RatedUnits.SpokenAt(who, start, 1.8, rateAt(start / Session.TotalSeconds), pitchSemitones: 10);
        })]);

    /// <summary>A slow pitch course in semitones: smoothed random steps, so it never repeats itself the way a sinusoid would.</summary>
    private static double[] Drift(Random random, int frames)
    {
        var course = new double[frames];
        var level = 0.0;
        var target = 0.0;
        for (var t = 0; t < frames; t++)
        {
            if (t % 500 == 0)
                target = 4 * (random.NextDouble() - 0.5);
            level += (target - level) / 300;
            course[t] = level;
        }

        return course;
    }

    /// <summary>Turns of 2 s taken in alternation; 10 ms frames voiced within the speaker's turns; one unit per turn.</summary>
    private static SpeakerVoice Speaker(Participant who, Func<int, double> pitchAt, bool speaksFirst, Random random, Func<double>? rate = null)
    {
        var frames = ImmutableArray.CreateBuilder<ProsodyFrame>();
        var units = ImmutableArray.CreateBuilder<SpeechUnit>();
        var total = (int)Session.TotalSeconds * 100;
        for (var t = 0; t < total; t++)
        {
            var turn = t / 200;
            var mine = turn % 2 == (speaksFirst ? 0 : 1);
            var voiced = mine && t % 200 is > 10 and < 190 && random.NextDouble() < 0.8;
            frames.Add(new ProsodyFrame(MediaTime.FromSeconds(t / 100.0), voiced ? pitchAt(t) : double.NaN, voiced ? 70 : 30));
        }

        for (var turn = speaksFirst ? 0 : 1; turn * 200 < total; turn += 2)
        {
            var pitch = frames.Skip(turn * 200).Take(200).Where(f => !double.IsNaN(f.FrequencyHz)).Select(f => SpeakerVoice.Semitones(f.FrequencyHz)).DefaultIfEmpty(double.NaN).Average();
            units.Add(RatedUnits.SpokenAt(who, turn * 2 + 0.1, 1.8, rate?.Invoke() ?? 4, pitch));
        }

        return new SpeakerVoice(who, frames.ToImmutable(), units.ToImmutable());
    }
}
