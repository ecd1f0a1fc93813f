using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Coordination;

/// <param name="AnalysisRate">Samples per second the looking signals are averaged down to (a glance lasts a few hundred milliseconds).</param>
/// <param name="WindowSeconds">Window over which the mutual-gaze share is shown over time.</param>
/// <param name="IncrementSeconds">Step between windows.</param>
/// <param name="ShortestShiftSeconds">Surrogates shift B's looking by at least this much, longer than most looks last.</param>
/// <param name="TurnStartSeconds">How long after a turn starts its speaker's gaze is read for aversion.</param>
/// <param name="ChanceSeconds">Chance is taken from the two looking shares within stretches of this length.</param>
/// <param name="Surrogates">Most circularly shifted sessions for the p-value and the episode baseline (each shift used once).</param>
/// <param name="Seed">Seed of the surrogates.</param>
/// <param name="EpisodeSeconds">Shortest run of windows above the surrogate baseline that counts as an episode.</param>
public sealed record MutualGazeOptions(
    double AnalysisRate = 10,
    double WindowSeconds = 30,
    double IncrementSeconds = 10,
    double ShortestShiftSeconds = 10,
    double TurnStartSeconds = 1,
    double ChanceSeconds = 20,
    int Surrogates = 200,
    int Seed = 1,
    double EpisodeSeconds = 60);

/// <summary>
/// Mutual gaze (MEASURES.md §6): the share of the time both people look at each other, against what their separate
/// looking shares give by chance. A person looks at the partner where their <c>looking_at_partner</c> is at least one
/// half (averaged to <see cref="MutualGazeOptions.AnalysisRate"/>); time in which either face was not seen counts for
/// nothing. The session value is the mutual share; the test statistic is its excess over chance (the mutual share
/// less the product of the two looking shares, stretch by stretch), against circular shifts of B's looking, which keep how much and in
/// what bouts each person looks and break only when. With voices, the details say how much each person looks while
/// listening and while speaking (listeners look more), and how often each looks away as they take the turn (speakers
/// often do). Mutual gaze names no lag and no leader.
/// </summary>
public sealed class MutualGaze(MutualGazeOptions options)
{
    public MutualGazeOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <param name="looking">Both people's <c>looking_at_partner</c> on one grid, NaN where a face was not seen.</param>
    /// <param name="origin">Media time of the first sample.</param>
    /// <param name="voiceA">A's voice for the listening, speaking and turn-start details, or null.</param>
    /// <param name="voiceB">B's voice, likewise.</param>
    /// <exception cref="InsufficientDataException">The session is shorter than one window.</exception>
    public CoordinationMeasure Compute(DyadSeries looking, MediaTime origin = default, SpeakerVoice? voiceA = null, SpeakerVoice? voiceB = null)
    {
        ArgumentNullException.ThrowIfNull(looking);
        var factor = Math.Max(1, (int)Math.Round(looking.SampleRate / Options.AnalysisRate));
        var rate = looking.SampleRate / factor;
        var a = Looks(BlockMeans.Of(looking.A.AsSpan(), factor));
        var b = Looks(BlockMeans.Of(looking.B.AsSpan(), factor));
        var windowing = new CrossCorrelationSettings(rate, 0, Options.WindowSeconds, Options.IncrementSeconds);
        var windowCount = windowing.WindowCount(a.Length);
        if (windowCount <= 0)
            throw new InsufficientDataException(MeasureNames.MutualGaze, a.Length, windowing);

        var real = Shares.Of(a, b, 0, a.Length);
        var chanceBlock = Math.Max(1, (int)Math.Round(Options.ChanceSeconds * rate));
        var shifts = CircularShifts.Choose(a.Length, (int)Math.Ceiling(Options.ShortestShiftSeconds * rate), Options.Surrogates, Options.Seed);
        var surrogates = shifts.Select(shift => CircularShifts.Rotate(b, shift)).ToArray();
        var surrogateExcess = surrogates.Select(s => LocalExcess(a, s, chanceBlock)).ToArray();
        var windows = Enumerable.Range(0, windowCount).Select(w =>
        {
            var from = w * windowing.IncrementSamples;
            var start = origin + TimeSpan.FromSeconds(from / rate);
            return new MeasureWindow(start, start + TimeSpan.FromSeconds(windowing.WindowSamples / rate), Shares.Of(a, b, from, windowing.WindowSamples).Mutual, double.NaN, null);
        });
        var surrogateWindows = surrogates.SelectMany(s => Enumerable.Range(0, windowCount).Select(w => Shares.Of(a, s, w * windowing.IncrementSamples, windowing.WindowSamples).Mutual));
        var (tested, episodes) = SurrogateTest.Test(MeasureNames.MutualGaze, windows, surrogateWindows, Options.EpisodeSeconds);
        var details = new List<KeyValuePair<string, double>>
        {
            new("looking_share_a", real.LookingA),
            new("looking_share_b", real.LookingB),
            new("chance_share", real.Chance),
            new("excess_share", LocalExcess(a, b, chanceBlock)),
        };
        if (voiceA is not null && voiceB is not null)
        {
            var speakingA = voiceA.SpeakingGrid(origin, rate, a.Length);
            var speakingB = voiceB.SpeakingGrid(origin, rate, a.Length);
            foreach (var (who, own, ownSpeech, partnerSpeech, turns) in new[] { ("a", a, speakingA, speakingB, TurnStarts(voiceA, voiceB)), ("b", b, speakingB, speakingA, TurnStarts(voiceB, voiceA)) })
            {
                details.Add(new($"looking_share_{who}_listening", ShareWhere(own, i => partnerSpeech[i] && !ownSpeech[i])));
                details.Add(new($"looking_share_{who}_speaking", ShareWhere(own, i => ownSpeech[i] && !partnerSpeech[i])));
                details.Add(new($"turn_starts_{who}", turns.Length));
                details.Add(new($"looking_away_at_turn_start_{who}", AwayAtTurnStarts(own, turns, origin, rate)));
            }
        }

        details.Add(new("surrogates", surrogates.Length));
        details.Add(new("p_floor", surrogates.Length == 0 ? double.NaN : 1.0 / (1 + surrogates.Length)));
        return new CoordinationMeasure(MeasureNames.MutualGaze, real.Mutual, SurrogateTest.PValue(LocalExcess(a, b, chanceBlock), surrogateExcess), double.NaN, null, tested, episodes, [.. details]);
    }

    /// <summary>
    /// The mutual share beyond chance, chance taken stretch by stretch (each stretch's two looking shares multiplied,
    /// weighted by the samples in which both were seen): in an engaged stretch both look more and meet more by themselves,
    /// and a whole-session chance would count that as seeking each other's eyes (a quarter of sessions with a shared
    /// mood came out significant).
    /// </summary>
    private static double LocalExcess(bool?[] a, bool?[] b, int block)
    {
        double excess = 0;
        var seen = 0;
        for (var from = 0; from < a.Length; from += block)
        {
            var stretch = Shares.Of(a, b, from, Math.Min(block, a.Length - from));
            if (stretch.Seen == 0)
                continue;
            excess += stretch.Excess * stretch.Seen;
            seen += stretch.Seen;
        }

        return seen == 0 ? double.NaN : excess / seen;
    }

    /// <summary>Looking (true), looking elsewhere (false) or unseen (null) per sample.</summary>
    internal static bool?[] Looks(ImmutableArray<double> shares) => [.. shares.Select(s => double.IsNaN(s) ? (bool?)null : s >= 0.5)];

    private static double ShareWhere(bool?[] looks, Func<int, bool> where)
    {
        int seen = 0, looking = 0;
        for (var i = 0; i < looks.Length; i++)
        {
            if (looks[i] is not { } look || !where(i))
                continue;
            seen++;
            looking += look ? 1 : 0;
        }

        return seen == 0 ? double.NaN : (double)looking / seen;
    }

    /// <summary>Where the speaker takes the turn: each unit of theirs whose nearest earlier unit, of either person, was the partner's.</summary>
    private static MediaTime[] TurnStarts(SpeakerVoice speaker, SpeakerVoice partner)
    {
        var units = speaker.Units.Select(u => (u.Start, Own: true)).Concat(partner.Units.Select(u => (u.Start, Own: false))).OrderBy(u => u.Start).ToArray();
        return [.. Enumerable.Range(1, Math.Max(0, units.Length - 1)).Where(i => units[i].Own && !units[i - 1].Own).Select(i => units[i].Start)];
    }

    /// <summary>The share of turn starts after which the speaker looked at the partner less than half of the next <see cref="MutualGazeOptions.TurnStartSeconds"/>.</summary>
    private double AwayAtTurnStarts(bool?[] looks, IEnumerable<MediaTime> starts, MediaTime origin, double rate)
    {
        int read = 0, away = 0;
        var span = Math.Max(1, (int)Math.Round(Options.TurnStartSeconds * rate));
        foreach (var start in starts)
        {
            var from = (int)Math.Round((start - origin).TotalSeconds * rate);
            if (from < 0 || from + span > looks.Length)
                continue;
            var seen = looks[from..(from + span)].Where(l => l.HasValue).ToArray();
            if (seen.Length * 2 < span)
                continue;
            read++;
            away += seen.Count(l => l == true) * 2 < seen.Length ? 1 : 0;
        }

        return read == 0 ? double.NaN : (double)away / read;
    }

    /// <summary>Looking and mutual shares over one stretch, taken over the samples where both faces were seen.</summary>
    private sealed record Shares(double LookingA, double LookingB, double Mutual, int Seen)
    {
        public double Chance => LookingA * LookingB;

        public double Excess => Mutual - Chance;

        public static Shares Of(bool?[] a, bool?[] b, int from, int count)
        {
            int both = 0, lookA = 0, lookB = 0, mutual = 0;
            for (var i = from; i < from + count; i++)
            {
                if (a[i] is not { } la || b[i] is not { } lb)
                    continue;
                both++;
                lookA += la ? 1 : 0;
                lookB += lb ? 1 : 0;
                mutual += la && lb ? 1 : 0;
            }

            return both == 0 ? new(double.NaN, double.NaN, double.NaN, 0) : new((double)lookA / both, (double)lookB / both, (double)mutual / both, both);
        }
    }
}
