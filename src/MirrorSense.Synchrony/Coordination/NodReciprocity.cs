using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Coordination;

/// <param name="AnswerSeconds">A nod of the partner's starting within this long after one's own answers it.</param>
/// <param name="PauseSeconds">A nod starting within this long after the partner stops speaking is timed to their pause.</param>
/// <param name="ShortestShiftSeconds">Surrogates of the backchannel and pause details shift a person's nods by at least this much.</param>
/// <param name="WindowSeconds">Surrogates of reciprocity rotate B's nods within consecutive windows of this length (longer than an answer, shorter than a mood).</param>
/// <param name="MinimumSeconds">Shortest session measured: too few nods otherwise.</param>
/// <param name="ChanceSeconds">The chance of an answer comes from the partner's nods within a stretch of this length centred on each nod.</param>
/// <param name="Surrogates">Most circularly shifted sessions for the p-values (each shift used once).</param>
/// <param name="Seed">Seed of the surrogates.</param>
public sealed record NodReciprocityOptions(
    double AnswerSeconds = 2,
    double PauseSeconds = 1,
    double ShortestShiftSeconds = 5,
    double MinimumSeconds = 30,
    double ChanceSeconds = 10,
    double WindowSeconds = 10,
    int Surrogates = 200,
    int Seed = 1);

/// <summary>
/// Nod reciprocity (MEASURES.md §6): nods answered by nods. The session value is the share of one person's nods the
/// other answers with a nod starting within <see cref="NodReciprocityOptions.AnswerSeconds"/>, for the direction that
/// answers more beyond chance (chance from the partner's nods around each nod); its p comes from the same statistic
/// with B's nods rotated within consecutive 10 s windows (<see cref="WindowedEventRotation"/>), which keeps how often
/// B nods in every stretch of the session and breaks only the timing within it. The leader is the person answered.
/// With voices, the details say how often each person nods while the partner speaks (backchannel nods per minute of the
/// partner's speech) and what share of each person's nods fall just after the partner stops speaking, each against
/// that person's nods shifted round the session.
/// </summary>
public sealed class NodReciprocity(NodReciprocityOptions options)
{
    private const double Rate = 10;

    public NodReciprocityOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <param name="movements">Head movements of both people (shakes are left out).</param>
    /// <param name="origin">Media time of the session's start.</param>
    /// <param name="duration">Length of the session.</param>
    /// <param name="voiceA">A's voice for the backchannel and pause details, or null.</param>
    /// <param name="voiceB">B's voice, likewise.</param>
    /// <exception cref="InsufficientDataException">The session is shorter than <see cref="NodReciprocityOptions.MinimumSeconds"/>.</exception>
    public CoordinationMeasure Compute(IEnumerable<HeadMovementEvent> movements, MediaTime origin, TimeSpan duration, SpeakerVoice? voiceA = null, SpeakerVoice? voiceB = null)
    {
        ArgumentNullException.ThrowIfNull(movements);
        var length = (int)Math.Floor(duration.TotalSeconds * Rate);
        if (length < Options.MinimumSeconds * Rate)
            throw new InsufficientDataException(MeasureNames.NodReciprocity, length, new CrossCorrelationSettings(Rate, 0, Options.MinimumSeconds, Options.MinimumSeconds));
        int[] Starts(Participant who) =>
            [.. movements.Where(m => m.Kind == HeadMovementKind.Nod && m.Participant == who).Select(m => (int)Math.Round((m.Start - origin).TotalSeconds * Rate)).Where(i => i >= 0 && i < length).Order()];
        var a = Starts(Participant.A);
        var b = Starts(Participant.B);
        var answer = (int)Math.Round(Options.AnswerSeconds * Rate);
        var shifts = CircularShifts.Choose(length, (int)Math.Ceiling(Options.ShortestShiftSeconds * Rate), Options.Surrogates, Options.Seed);
        var context = Math.Max(answer + 1, (int)Math.Round(Options.ChanceSeconds * Rate));
        var real = Answers.Of(a, b, answer, context, length);
        var window = Math.Max(answer + 1, (int)Math.Round(Options.WindowSeconds * Rate));
        var random = new Random(Options.Seed);
        var surrogates = Enumerable.Range(0, Options.Surrogates)
            .Select(_ => WindowedEventRotation.Rotate(b, length, window, random))
            .Select(rotated => Answers.Of(a, rotated, answer, context, length).Stronger)
            .ToArray();
        var leader = double.IsNaN(real.Stronger) || real.BBeyondChance == real.ABeyondChance ? (Participant?)null
            : real.BBeyondChance > real.ABeyondChance || double.IsNaN(real.ABeyondChance) ? Participant.A : Participant.B;
        var details = new List<KeyValuePair<string, double>>
        {
            new("nods_a", a.Length),
            new("nods_b", b.Length),
            new("b_answers_a", real.BAnswersA),
            new("a_answers_b", real.AAnswersB),
            new("b_answers_a_beyond_chance", real.BBeyondChance),
            new("a_answers_b_beyond_chance", real.ABeyondChance),
        };
        if (voiceA is not null && voiceB is not null)
        {
            var speakingA = voiceA.SpeakingGrid(origin, Rate, length);
            var speakingB = voiceB.SpeakingGrid(origin, Rate, length);
            var pause = (int)Math.Round(Options.PauseSeconds * Rate);
            foreach (var (who, nods, partner, own, partnerVoice) in new[] { ("a", a, speakingB, speakingA, voiceB), ("b", b, speakingA, speakingB, voiceA) })
            {
                var listening = Enumerable.Range(0, length).Where(i => partner[i] && !own[i]).ToHashSet();
                var pauses = JustAfter(partnerVoice, origin, length, pause);
                double Backchannel(int[] n) => listening.Count == 0 ? double.NaN : n.Count(listening.Contains) / (listening.Count / Rate / 60);
                double AtPauses(int[] n) => n.Length == 0 ? double.NaN : (double)n.Count(pauses.Contains) / n.Length;
                var rotations = shifts.Select(s => CircularShifts.RotateEvents(nods, s, length)).ToArray();
                details.Add(new($"backchannel_nods_{who}_per_min", Backchannel(nods)));
                details.Add(new($"backchannel_nods_{who}_p", SurrogateTest.PValue(Backchannel(nods), [.. rotations.Select(Backchannel)])));
                details.Add(new($"nods_at_partner_pauses_{who}", AtPauses(nods)));
                details.Add(new($"nods_at_partner_pauses_{who}_p", SurrogateTest.PValue(AtPauses(nods), [.. rotations.Select(AtPauses)])));
            }
        }

        details.Add(new("surrogates", surrogates.Length));
        details.Add(new("p_floor", surrogates.Length == 0 ? double.NaN : 1.0 / (1 + surrogates.Length)));
        var value = leader == Participant.B ? real.AAnswersB : leader == Participant.A ? real.BAnswersA : double.IsNaN(real.BAnswersA) ? real.AAnswersB : real.BAnswersA;
        return new CoordinationMeasure(MeasureNames.NodReciprocity, value, SurrogateTest.PValue(real.Stronger, surrogates), double.NaN, leader, [], [], [.. details]);
    }

    /// <summary>Samples up to <paramref name="span"/> after the end of each of the speaker's units.</summary>
    private static HashSet<int> JustAfter(SpeakerVoice voice, MediaTime origin, int length, int span) =>
    [
        .. voice.Units.SelectMany(u =>
        {
            var end = (int)Math.Round((u.End - origin).TotalSeconds * Rate);
            return Enumerable.Range(end, span + 1).Where(i => i >= 0 && i < length);
        }),
    ];

    /// <summary>
    /// Per direction, the share of one person's nods the other answered and how far that exceeds chance. Chance is taken
    /// around each nod (the partner's nods within half a stretch either way, spread evenly over it): in a lively stretch
    /// both nod more and answers come by themselves, and a whole-session rate would count that as reciprocity (a third
    /// of sessions with a shared mood came out significant). The test statistic is the direction that exceeds chance more.
    /// </summary>
    private sealed record Answers(double BAnswersA, double AAnswersB, double BBeyondChance, double ABeyondChance)
    {
        public double Stronger => double.IsNaN(BBeyondChance) ? ABeyondChance : double.IsNaN(ABeyondChance) ? BBeyondChance : Math.Max(BBeyondChance, ABeyondChance);

        public static Answers Of(int[] a, int[] b, int within, int context, int length)
        {
            var (bAnswers, bBeyond) = Share(a, b, within, context, length);
            var (aAnswers, aBeyond) = Share(b, a, within, context, length);
            return new(bAnswers, aAnswers, bBeyond, aBeyond);
        }

        private static (double Share, double BeyondChance) Share(int[] first, int[] second, int within, int context, int length)
        {
            if (first.Length == 0)
                return (double.NaN, double.NaN);
            var answered = 0;
            var beyond = 0.0;
            var next = 0;
            foreach (var nod in first)
            {
                while (next < second.Length && second[next] <= nod)
                    next++;
                var hit = next < second.Length && second[next] <= nod + within;
                // The partner's rate over the stretch centred on this nod, cut at the session's ends.
                var from = Math.Max(0, nod - context / 2);
                var to = Math.Min(length, nod + context / 2);
                var around = second.Count(t => t >= from && t < to);
                var chance = 1 - Math.Exp(-(double)around / (to - from) * within);
                answered += hit ? 1 : 0;
                beyond += (hit ? 1 : 0) - chance;
            }

            return ((double)answered / first.Length, beyond / first.Length);
        }
    }
}
