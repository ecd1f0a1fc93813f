using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Coordination;

/// <param name="LagSeconds">Largest lead or lag searched, both ways (smile mimicry answers within about 3 s).</param>
/// <param name="WindowSeconds">Window of the lagged correlation of the two smile signals.</param>
/// <param name="IncrementSeconds">Step between windows.</param>
/// <param name="AnalysisRate">
/// Samples per second the smile signals are averaged down to: smiles rise over a few hundred milliseconds, so 10 Hz
/// keeps them and their lags to a tenth of a second while the surrogates cost a ninth of the 30 Hz grid's.
/// </param>
/// <param name="TrendSeconds">Each smile signal loses its own course slower than this, so both people smiling more as a session warms up is not read as one answering the other.</param>
/// <param name="AnswerFromSeconds">An onset of the partner's smile counts as an answer from this long after one's own (faster is not a reaction).</param>
/// <param name="AnswerToSeconds">… up to this long after.</param>
/// <param name="Surrogates">Most circularly shifted sessions for the p-values and the episode baseline (each shift used once).</param>
/// <param name="Seed">Seed of the surrogates.</param>
/// <param name="EpisodeSeconds">Shortest run of windows above the surrogate baseline that counts as an episode.</param>
public sealed record SmileMimicryOptions(
    double LagSeconds = 3,
    double WindowSeconds = 30,
    double IncrementSeconds = 10,
    double AnalysisRate = 10,
    double TrendSeconds = 20,
    double AnswerFromSeconds = 0.3,
    double AnswerToSeconds = 3,
    int Surrogates = 100,
    int Seed = 1,
    double EpisodeSeconds = 60)
{
    /// <summary>When a smile signal reads as smiling (for the onsets and the smiling shares).</summary>
    public SmileThresholds Smiling { get; init; } = new();
}

/// <summary>
/// Smile mimicry (MEASURES.md §6): one person's smiles answered by the other's, asked two ways. Continuous: each
/// person's <c>smile</c> signal, without its slow course, through the §1 engine (signed, Fisher z) within
/// ±<see cref="SmileMimicryOptions.LagSeconds"/>; the session value is the highest over lags of the window-averaged
/// correlation (back to r), its lag the best lag (positive: B's smiles follow A's). Onsets: the share of one person's
/// smile onsets the partner answers with an onset of their own 0.3–3 s later, for the direction answered more (each
/// direction and both pooled as details). Surrogates rotate B's smile signal against A's (every shift at most once, by more than the lags searched
/// and a smile's length), keeping each person's smiles as they were and breaking only their timing; windows across a
/// surrogate's seam are left out. The session's p joins the two tests (<see cref="TwoTests"/>).
/// Details: each person's smiling share, the share of time both smile against what the two shares give by chance,
/// onset counts and answered shares with their p-values.
/// </summary>
public sealed class SmileMimicry(SmileMimicryOptions options)
{
    /// <summary>A smile and the expression it leaves behind last a few seconds: surrogate shifts stay clear of that too.</summary>
    private const double SmileMemorySeconds = 5;

    public SmileMimicryOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <param name="smile">Both people's <c>smile</c> on one grid, NaN where a face was not seen.</param>
    /// <param name="origin">Media time of the first sample.</param>
    /// <exception cref="InsufficientDataException">The session is shorter than one window.</exception>
    public CoordinationMeasure Compute(DyadSeries smile, MediaTime origin = default)
    {
        ArgumentNullException.ThrowIfNull(smile);
        var factor = Math.Max(1, (int)Math.Round(smile.SampleRate / Options.AnalysisRate));
        var rate = smile.SampleRate / factor;
        var a = BlockMeans.Of(smile.A.AsSpan(), factor);
        var b = BlockMeans.Of(smile.B.AsSpan(), factor);
        var settings = new CrossCorrelationSettings(rate, Options.LagSeconds, Options.WindowSeconds, Options.IncrementSeconds, fisherZ: true, absolute: false);
        if (settings.WindowCount(a.Length) <= 0)
            throw new InsufficientDataException(MeasureNames.SmileMimicry, a.Length, settings);

        var times = Enumerable.Range(0, a.Length).Select(i => i / rate).ToArray();
        var contours = new DyadSeries(MeasureNames.SmileMimicry, rate,
            [.. LocalCourse.Remove(times, a.AsSpan(), Options.TrendSeconds / 2)], [.. LocalCourse.Remove(times, b.AsSpan(), Options.TrendSeconds / 2)]);
        var smilingA = SmilingTimeline.Of(a.AsSpan(), rate, Options.Smiling);
        var smilingB = SmilingTimeline.Of(b.AsSpan(), rate, Options.Smiling);
        var answers = new AnswerWindow((int)Math.Ceiling(Options.AnswerFromSeconds * rate - 1e-9), (int)Math.Floor(Options.AnswerToSeconds * rate + 1e-9));

        var matrix = WindowedCrossCorrelation.Compute(contours, settings);
        var real = LaggedProfile.Of(matrix);
        var realAnswers = answers.Count(smilingA.Onsets, smilingB.Onsets);
        var shortest = (int)Math.Ceiling((Math.Max(Options.LagSeconds, Options.AnswerToSeconds) + SmileMemorySeconds) * rate) + 1;
        var surrogates = CircularShifts.Choose(a.Length, shortest, Options.Surrogates, Options.Seed)
            .AsParallel().AsOrdered()
            .Select(shift => (
                Rotation: RotatedProfile.Of(contours, matrix, shift),
                Answers: answers.Count(smilingA.Onsets, CircularShifts.RotateEvents(smilingB.Onsets, shift, a.Length))))
            .ToArray();
        var continuousP = RotatedProfile.PValue(real.Best, surrogates.Select(s => s.Rotation));
        var profiles = surrogates.Where(s => s.Rotation.IsComparable).Select(s => s.Rotation.Profile).ToArray();
        var answeredP = SurrogateTest.PValue(realAnswers.Stronger, [.. surrogates.Select(s => s.Answers.Stronger)]);
        var bAnswersP = SurrogateTest.PValue(realAnswers.BAnswersA, [.. surrogates.Select(s => s.Answers.BAnswersA)]);
        var aAnswersP = SurrogateTest.PValue(realAnswers.AAnswersB, [.. surrogates.Select(s => s.Answers.AAnswersB)]);
        var (shared, expected) = SharedSmiling(smilingA, smilingB);
        var (windows, episodes) = SurrogateTest.Test(MeasureNames.SmileMimicry, real.Windows(origin), profiles.SelectMany(s => s.WindowBests), Options.EpisodeSeconds);
        var lags = LagSearch.Of(settings);
        return new CoordinationMeasure(
            MeasureNames.SmileMimicry,
            real.Best,
            TwoTests.PValue(continuousP, answeredP),
            real.BestLagSeconds,
            SurrogateTest.LeaderAt(real.BestLagSeconds, lags),
            windows,
            episodes,
            [
                new("smiling_share_a", smilingA.SmilingShare),
                new("smiling_share_b", smilingB.SmilingShare),
                new("shared_smiling_share", shared),
                new("shared_smiling_chance", expected),
                new("onsets_a", smilingA.Onsets.Length),
                new("onsets_b", smilingB.Onsets.Length),
                new("b_answers_a", realAnswers.BAnswersA),
                new("b_answers_a_p", bAnswersP),
                new("a_answers_b", realAnswers.AAnswersB),
                new("a_answers_b_p", aAnswersP),
                new("answered_share", realAnswers.Pooled),
                new("answered_p", answeredP),
                new("continuous_p", continuousP),
                new("surrogates", surrogates.Length),
                // Windows across a rotation's seam are left out, so in a short session some rotations keep no window.
                new("continuous_surrogates", profiles.Length),
                new("p_floor", surrogates.Length == 0 ? double.NaN : 1.0 / (1 + surrogates.Length)),
            ])
        {
            Lags = lags,
            Matrix = CoordinationMeasure.MatrixOf(matrix, Math.Tanh, LagMatrixCells.Correlation),
        };
    }

    /// <summary>
    /// The share of samples in which both smile, and what chance gives for it: the product of the two smiling shares,
    /// both taken over the samples where both faces were seen.
    /// </summary>
    private static (double Shared, double Chance) SharedSmiling(SmilingTimeline a, SmilingTimeline b)
    {
        int both = 0, aSmiles = 0, bSmiles = 0, together = 0;
        for (var i = 0; i < a.States.Length; i++)
        {
            if (a.States[i] is not { } sa || b.States[i] is not { } sb)
                continue;
            both++;
            aSmiles += sa ? 1 : 0;
            bSmiles += sb ? 1 : 0;
            together += sa && sb ? 1 : 0;
        }

        return both == 0 ? (double.NaN, double.NaN) : ((double)together / both, (double)aSmiles / both * bSmiles / both);
    }

    /// <summary>How many smile onsets the partner answered: an onset of theirs from <c>From</c> to <c>To</c> samples later.</summary>
    private sealed record AnswerWindow(int From, int To)
    {
        public AnsweredOnsets Count(IReadOnlyList<int> a, IReadOnlyList<int> b)
        {
            var bAnswers = Answered(a, b);
            var aAnswers = Answered(b, a);
            var total = a.Count + b.Count;
            return new AnsweredOnsets(
                a.Count == 0 ? double.NaN : (double)bAnswers / a.Count,
                b.Count == 0 ? double.NaN : (double)aAnswers / b.Count,
                total == 0 ? double.NaN : (double)(aAnswers + bAnswers) / total);
        }

        private int Answered(IReadOnlyList<int> first, IReadOnlyList<int> second)
        {
            var answered = 0;
            var next = 0;
            foreach (var onset in first)
            {
                while (next < second.Count && second[next] < onset + From)
                    next++;
                if (next < second.Count && second[next] <= onset + To)
                    answered++;
            }

            return answered;
        }
    }

    /// <summary>Shares of onsets answered: B's answers to A's, A's answers to B's, and both pooled.</summary>
    private sealed record AnsweredOnsets(double BAnswersA, double AAnswersB, double Pooled)
    {
        /// <summary>
        /// The test statistic: the direction answered more. Mimicry usually runs one way, and pooling both would dilute
        /// it with the other direction's chance answers (power on B answering 60 % of A's smiles: 58 % pooled, 78 % this way).
        /// </summary>
        public double Stronger => double.IsNaN(BAnswersA) ? AAnswersB : double.IsNaN(AAnswersB) ? BAnswersA : Math.Max(BAnswersA, AAnswersB);
    }
}
