using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Conversation;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Coordination;

/// <param name="FrameSeconds">TAMA frame: each speaker's pitch (or loudness) is averaged over this span around every second.</param>
/// <param name="MinimumVoicedSeconds">A TAMA frame with less voiced speech than this is missing.</param>
/// <param name="LagSeconds">Largest lead or lag searched, both ways.</param>
/// <param name="WindowSeconds">Window of the lagged correlation of the TAMA contours.</param>
/// <param name="IncrementSeconds">Step between windows (TAMA's 8 s).</param>
/// <param name="TrendSeconds">
/// Each contour loses its own course slower than this (a local line over this span, centred on every second, is
/// subtracted), so a drift or a trend the two voices happen to share is not read as an alignment.
/// </param>
/// <param name="Surrogates">Most circularly shifted sessions for the p-value and episode baseline (each shift used once).</param>
/// <param name="Permutations">Permutations of the turn-level tests.</param>
/// <param name="Seed">Seed of surrogates and permutations.</param>
/// <param name="EpisodeSeconds">Shortest run of windows above the surrogate baseline that counts as an episode.</param>
public sealed record VoiceContourOptions(
    double FrameSeconds = 16,
    double MinimumVoicedSeconds = 0.5,
    double LagSeconds = 8,
    double WindowSeconds = 32,
    double IncrementSeconds = 8,
    double TrendSeconds = 60,
    int Surrogates = 100,
    int Permutations = 2000,
    int Seed = 1,
    double EpisodeSeconds = 48);

/// <summary>
/// Tone coordination (MEASURES.md §3), continuous and turn-level; volume coordination the same way on loudness
/// (<see cref="VoiceChannel"/>): the text below speaks of pitch, and holds for intensity in dB as well.
/// Continuous: each speaker's pitch in semitones re their median, each voiced frame at its unit's mean, is
/// smoothed as in the TAMA method (mean of the voiced frames in a <see cref="VoiceContourOptions.FrameSeconds"/>
/// frame around every second), each contour loses its own slow course (<see cref="VoiceContourOptions.TrendSeconds"/>),
/// and the two go through the §1 engine (signed, Fisher z), only where the TAMA frame and the course's span are whole
/// (30 s in from either end by default). The session value is the highest over lags of the window-averaged
/// correlation (z-mean, back to r), its lag the best lag; surrogates rotate B's contour against A's, every shift at
/// most once, windows spanning a surrogate's seam are left out of it, and each is compared with the real alignment
/// over the windows it kept (<see cref="CircularShifts.SameWindows"/>); the detail <c>p_floor</c> says the smallest p
/// the session's length allows.
/// Without the course removed, two voices that both rise (or both drift) correlate in every window at every lag,
/// while a rotation cuts B's course and loses that: a trend then beat every surrogate and, as its correlation
/// grows towards one end of the lag range, named a leader at the edge. Turn-level: proximity and convergence of the
/// units' mean pitch (semitones re 100 Hz) across speaker changes and synchrony of the turns' (see
/// <see cref="UnitEntrainment"/>), as details with their p-values.
/// The session's p-value joins the continuous test and turn-level synchrony (<see cref="TwoTests"/>): a speaker
/// who answers the partner's last turn at its pitch moves the contours only a little over 16 s frames (35 % power on
/// 3-minute sessions where B's unit pitch follows 0.6 of A's last turn), while the turn-level test sees it directly.
/// Volume's session p-value is turn synchrony alone, and its leader the speaker answered (see
/// <see cref="VoiceChannel.Loudness"/>).
/// </summary>
public sealed class VoiceContourCoordination(VoiceChannel channel, VoiceContourOptions options)
{
    private const double ContourRate = 1;

    public VoiceChannel Channel { get; } = channel ?? throw new ArgumentNullException(nameof(channel));

    public VoiceContourOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public CoordinationMeasure Compute(SpeakerVoice a, SpeakerVoice b, MediaTime origin, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        (a, b) = (Channel.Units(a), Channel.Units(b));
        // Near either end the TAMA frame and the course's line see one side only, so both contours behave
        // differently there, at the same moments: the real alignment pairs those stretches and every rotation of B
        // parts them. Only the contour where both are whole is compared.
        var edge = (int)Math.Ceiling(Math.Max(Options.FrameSeconds, Options.TrendSeconds) / 2 * ContourRate);
        double[] Whole(double[] contour) => contour.Length > 2 * edge ? contour[edge..^edge] : [];
        var contours = new DyadSeries(Channel.Measure, ContourRate, [.. Whole(Contour(a, origin, duration))], [.. Whole(Contour(b, origin, duration))]);
        var contourStart = origin + TimeSpan.FromSeconds(edge / ContourRate);
        var surrogateShifts = Shifts(contours.Length);
        var settings = new CrossCorrelationSettings(ContourRate, Options.LagSeconds, Options.WindowSeconds, Options.IncrementSeconds, fisherZ: true, absolute: false);
        var levels = new Dictionary<SpeechUnit, double>(ReferenceEqualityComparer.Instance);
        foreach (var voice in new[] { a, b })
            foreach (var unit in voice.Units)
                levels[unit] = Channel.UnitLevel(voice, unit);
        var units = new UnitEntrainment(Options.Permutations, Options.Seed, Options.TrendSeconds).Analyse(a.Units.Concat(b.Units), unit => levels[unit]);
        ImmutableArray<KeyValuePair<string, double>> details =
        [
            new("proximity", units.Proximity.Value), new("proximity_p", units.Proximity.PValue),
            new("convergence", units.Convergence.Value), new("convergence_p", units.Convergence.PValue),
            new("synchrony", units.Synchrony.Value), new("synchrony_p", units.Synchrony.PValue),
            new("synchrony_b_follows_a", units.Synchrony.BFollowsA), new("synchrony_a_follows_b", units.Synchrony.AFollowsB),
            new("turn_pairs", units.Synchrony.Pairs),
        ];
        if (settings.WindowCount(contours.Length) <= 0)
            return new CoordinationMeasure(Channel.Measure, double.NaN, units.Synchrony.PValue, double.NaN, units.Synchrony.Leader, [], [], details);

        var matrix = WindowedCrossCorrelation.Compute(contours, settings);
        var real = LaggedProfile.Of(matrix);
        var surrogates = surrogateShifts
            .AsParallel().AsOrdered()
            .Select(shift => RotatedProfile.Of(contours, matrix, shift))
            .Where(s => s.IsComparable)
            .ToArray();
        var continuousP = RotatedProfile.PValue(real.Best, surrogates);
        details = details.Add(new("p_floor", surrogates.Length == 0 ? double.NaN : 1.0 / (1 + surrogates.Length))).Add(new("continuous_p", continuousP));
        var (windows, episodes) = SurrogateTest.Test(Channel.Measure, real.Windows(contourStart), surrogates.SelectMany(s => s.Profile.WindowBests), Options.EpisodeSeconds);
        var turnsAlone = Channel.SessionTest == VoiceSessionTest.TurnSynchrony;
        return new CoordinationMeasure(
            Channel.Measure,
            real.Best,
            turnsAlone ? units.Synchrony.PValue : TwoTests.PValue(continuousP, units.Synchrony.PValue),
            real.BestLagSeconds,
            turnsAlone ? units.Synchrony.Leader : SurrogateTest.LeaderAt(real.BestLagSeconds, LagSearch.Of(settings)),
            windows,
            episodes,
            details)
        {
            Lags = LagSearch.Of(settings),
            // The engine's signed Fisher z, back to r so the matrix reads on the same scale as posture's.
            Matrix = CoordinationMeasure.MatrixOf(matrix, Math.Tanh, LagMatrixCells.Correlation),
        };
    }

    /// <summary>
    /// The TAMA contour (every second, the mean relative pitch of the voiced frames within ± half a frame, each frame at
    /// its unit's level) without its slow course.
    /// </summary>
    private double[] Contour(SpeakerVoice voice, MediaTime origin, TimeSpan duration)
    {
        const double frameRate = 100;
        var frames = (int)Math.Ceiling(duration.TotalSeconds * frameRate);
        var relative = UnitLevels(voice, Channel.RelativeGrid(voice, origin, frameRate, frames), origin, frameRate);
        var sum = new double[frames + 1];
        var count = new int[frames + 1];
        for (var i = 0; i < frames; i++)
        {
            var voiced = !double.IsNaN(relative[i]);
            sum[i + 1] = sum[i] + (voiced ? relative[i] : 0);
            count[i + 1] = count[i] + (voiced ? 1 : 0);
        }

        var length = (int)Math.Floor(duration.TotalSeconds * ContourRate);
        var half = (int)Math.Round(Options.FrameSeconds / 2 * frameRate);
        var minimum = Options.MinimumVoicedSeconds * frameRate;
        var contour = new double[length];
        for (var t = 0; t < length; t++)
        {
            var centre = (int)Math.Round(t / ContourRate * frameRate);
            var from = Math.Clamp(centre - half, 0, frames);
            var to = Math.Clamp(centre + half, 0, frames);
            var n = count[to] - count[from];
            contour[t] = n >= minimum ? (sum[to] - sum[from]) / n : double.NaN;
        }

        var seconds = Enumerable.Range(0, length).Select(t => t / ContourRate).ToArray();
        return LocalCourse.Remove(seconds, contour, Options.TrendSeconds / 2);
    }

    /// <summary>
    /// Every voiced frame of a unit given the unit's mean, and voiced frames outside units dropped. Within a unit pitch
    /// has a shape of its own (it starts high and falls), and a TAMA frame's edges cut into units at moments set by
    /// the turn-taking: frame means then wiggle with the turns, one speaker's a turn after the other's, and the two
    /// contours correlate although neither speaker's pitch answered the other's. Levels per unit keep what the
    /// speakers chose and lose that shape.
    /// </summary>
    private static double[] UnitLevels(SpeakerVoice voice, double[] grid, MediaTime origin, double frameRate)
    {
        var levels = new double[grid.Length];
        Array.Fill(levels, double.NaN);
        foreach (var unit in voice.Units)
        {
            var from = Math.Max(0, (int)Math.Ceiling((unit.Start - origin).TotalSeconds * frameRate));
            var to = Math.Min(grid.Length - 1, (int)Math.Floor((unit.End - origin).TotalSeconds * frameRate));
            var present = Enumerable.Range(from, Math.Max(0, to - from + 1)).Where(i => !double.IsNaN(grid[i])).ToArray();
            if (present.Length == 0)
                continue;
            var mean = present.Average(i => grid[i]);
            foreach (var i in present)
                levels[i] = mean;
        }

        return levels;
    }

    /// <summary>
    /// Shifts of B's contour against A's, each by more than the lags searched plus half a TAMA frame (the span over
    /// which a contour value still shares frames with its neighbours).
    /// </summary>
    private int[] Shifts(int length) =>
        CircularShifts.Choose(length, (int)Math.Ceiling((Options.LagSeconds + Options.FrameSeconds / 2) * ContourRate) + 1, Options.Surrogates, Options.Seed);
}
