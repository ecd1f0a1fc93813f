using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// Surrogates of one participant's channels (Schreiber &amp; Schmitz 2000, Prichard &amp; Theiler 1994): each channel
/// keeps its own linear trend and the power spectrum of what is left, and the channels keep their spectra with each
/// other (the same random phase turns every channel's component of one frequency), so a surrogate moves as that person
/// does, with the same slowness and rhythm, posture parts moving together, but at times unrelated to the partner.
/// <para>
/// The live gesture meter ranks each short window against such a twin of B's same window: a window is too short to be
/// rotated without its seam in the middle. Whole sessions are tested against rotations of B instead (posture, gesture),
/// which keep B's movement exactly as it was: on real pose, twins let a one-frame flicker both people share and a
/// person leaving and returning pass as gesture synchrony (5 of 35 independent sessions).
/// </para>
/// Missing stretches stay missing where they were (filled by straight lines for the transform only).
/// </summary>
/// <param name="amplitudeAdjusted">
/// Also keep each channel's distribution of values (iterated, Schreiber &amp; Schmitz's IAAFT): for skewed, bursty
/// signals such as motion energy, whose correlations a Gaussian surrogate would understate.
/// </param>
public sealed class PhaseRandomisation(int seed, bool amplitudeAdjusted = false)
{
    private const int AdjustmentRounds = 8;

    /// <summary><paramref name="count"/> surrogates of <paramref name="channels"/> (all of one length).</summary>
    public IEnumerable<ImmutableArray<ImmutableArray<double>>> Create(IReadOnlyList<ImmutableArray<double>> channels, int count) =>
        Draw(channels, count).Select(surrogate => surrogate.Build());

    /// <summary>
    /// The surrogates of <see cref="Create"/>, each drawn (its random phases) but not yet built: the phases must come
    /// from the one seeded generator in turn, while building the channels from them, nearly all the work, can be done
    /// on any thread.
    /// </summary>
    internal IEnumerable<DrawnSurrogate> Draw(IReadOnlyList<ImmutableArray<double>> channels, int count)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0 || channels.Any(c => c.Length != channels[0].Length))
            throw new ArgumentException("Every channel must have the same length.", nameof(channels));
        var length = channels[0].Length;
        var transform = new FourierTransform(length);
        var prepared = channels.Select(c => Channel.Of(c, transform, keepDistribution: amplitudeAdjusted)).ToArray();
        var workspace = new Workspace(length);
        var random = new Random(seed);
        for (var k = 0; k < count; k++)
        {
            var phases = new Complex[length / 2 + 1];
            for (var f = 1; f < phases.Length; f++)
                phases[f] = Complex.FromPolarCoordinates(1, 2 * Math.PI * random.NextDouble());
            yield return new DrawnSurrogate(prepared, phases, amplitudeAdjusted ? AdjustmentRounds : 0, workspace);
        }
    }

    /// <summary>One surrogate's random phases, which turn every channel's component of a frequency alike.</summary>
    internal sealed class DrawnSurrogate
    {
        private readonly Channel[] _channels;
        private readonly Complex[] _phases;
        private readonly int _adjustmentRounds;
        private readonly Workspace _workspace;

        internal DrawnSurrogate(Channel[] channels, Complex[] phases, int adjustmentRounds, Workspace workspace)
        {
            _channels = channels;
            _phases = phases;
            _adjustmentRounds = adjustmentRounds;
            _workspace = workspace;
        }

        public ImmutableArray<ImmutableArray<double>> Build() => [.. _channels.Select(c => c.Surrogate(_phases, _adjustmentRounds, _workspace))];
    }

    /// <summary>
    /// The working arrays of one set of surrogates, lent to whichever thread builds one: a surrogate of a long session
    /// makes them many times over (each adjustment round needs all three), and fresh ones each time let the heap grow
    /// far beyond what is in use. Owned by the set, not shared by the process, so they go when the set does.
    /// </summary>
    internal sealed class Workspace(int length)
    {
        public ArrayPool<Complex> Spectra { get; } = ArrayPool<Complex>.Create(length, Environment.ProcessorCount);
        public ArrayPool<double> Signals { get; } = ArrayPool<double>.Create(length, Environment.ProcessorCount);
        public ArrayPool<RankedValue> Ranks { get; } = ArrayPool<RankedValue>.Create(length, Environment.ProcessorCount);
    }

    /// <summary>One channel ready for surrogates: its gaps, trend, and the spectrum and sorted values of what remains.</summary>
    internal sealed class Channel
    {
        private readonly bool[] _missing = [];
        private readonly double _intercept;
        private readonly double _slope;
        private readonly Complex[] _spectrum = [];
        private readonly double[] _magnitudes = [];
        private readonly double[] _sorted = [];
        private readonly ImmutableArray<double> _asIs;
        private readonly FourierTransform? _transform;

        private Channel(ImmutableArray<double> asIs) => _asIs = asIs;

        private Channel(FourierTransform transform, bool[] missing, double intercept, double slope, Complex[] spectrum, double[]? sorted)
        {
            _transform = transform;
            _missing = missing;
            _intercept = intercept;
            _slope = slope;
            _spectrum = spectrum;
            // Only amplitude adjustment reads the magnitudes and the sorted values (a long session's channel: 7 MB more).
            if (sorted is not null)
            {
                _magnitudes = [.. spectrum.Select(c => c.Magnitude)];
                _sorted = sorted;
            }
        }

        public static Channel Of(ImmutableArray<double> series, FourierTransform transform, bool keepDistribution)
        {
            var n = series.Length;
            var present = Enumerable.Range(0, n).Where(i => !double.IsNaN(series[i])).ToArray();
            // Nothing to randomise: a channel with fewer than two values, or one that never changes, is its own surrogate.
            if (present.Length < 2 || present.All(i => series[i] == series[present[0]]))
                return new Channel(series);
            var (intercept, slope) = Line(series, present);
            var filled = new double[n];
            for (var p = 0; p < present.Length; p++)
            {
                var (from, to) = (present[p], p + 1 < present.Length ? present[p + 1] : n);
                for (var i = p == 0 ? 0 : from; i < to; i++)
                {
                    // Before the first and after the last value: held; between two values: a straight line.
                    var value = p + 1 < present.Length && i > from
                        ? series[from] + (series[to] - series[from]) * (i - from) / (to - from)
                        : series[from];
                    filled[i] = value - (intercept + slope * i);
                }
            }

            var spectrum = filled.Select(v => new Complex(v, 0)).ToArray();
            transform.Forward(spectrum);
            var missing = series.Select(double.IsNaN).ToArray();
            return new Channel(transform, missing, intercept, slope, spectrum, keepDistribution ? [.. filled.Order()] : null);
        }

        public ImmutableArray<double> Surrogate(Complex[] phases, int adjustmentRounds, Workspace workspace)
        {
            if (_transform is null)
                return _asIs;
            var n = _spectrum.Length;
            var borrowedSpectrum = workspace.Spectra.Rent(n);
            var borrowedValues = workspace.Signals.Rent(n);
            var borrowedRanks = adjustmentRounds > 0 ? workspace.Ranks.Rent(n) : [];
            try
            {
                var spectrum = borrowedSpectrum.AsSpan(0, n);
                var values = borrowedValues.AsSpan(0, n);
                var ranks = borrowedRanks.AsSpan(0, adjustmentRounds > 0 ? n : 0);
                spectrum[0] = _spectrum[0];
                for (var f = 1; f < phases.Length; f++)
                {
                    // A real signal's spectrum is conjugate-symmetric; the Nyquist term of an even length must stay real.
                    var phase = n % 2 == 0 && f == n / 2 ? Complex.One : phases[f];
                    spectrum[f] = _spectrum[f] * phase;
                    if (n - f != f)
                        spectrum[n - f] = Complex.Conjugate(spectrum[f]);
                }

                Real(spectrum, _transform, values);
                for (var round = 0; round < adjustmentRounds; round++)
                {
                    RankRemap(values, ranks);
                    for (var i = 0; i < n; i++)
                        spectrum[i] = new Complex(values[i], 0);
                    _transform.Forward(spectrum);
                    for (var f = 0; f < n; f++)
                        spectrum[f] = spectrum[f].Magnitude == 0 ? _magnitudes[f] : spectrum[f] / spectrum[f].Magnitude * _magnitudes[f];
                    Real(spectrum, _transform, values);
                }

                if (adjustmentRounds > 0)
                    RankRemap(values, ranks);
                var output = new double[n];
                for (var i = 0; i < n; i++)
                    output[i] = _missing[i] ? double.NaN : values[i] + _intercept + _slope * i;
                return ImmutableCollectionsMarshal.AsImmutableArray(output);
            }
            finally
            {
                workspace.Spectra.Return(borrowedSpectrum);
                workspace.Signals.Return(borrowedValues);
                if (adjustmentRounds > 0)
                    workspace.Ranks.Return(borrowedRanks);
            }
        }

        /// <summary>The signal of a spectrum, which is overwritten: every caller passes one it has just made for this.</summary>
        private static void Real(Span<Complex> spectrum, FourierTransform transform, Span<double> signal)
        {
            transform.Inverse(spectrum);
            for (var i = 0; i < spectrum.Length; i++)
                signal[i] = spectrum[i].Real / spectrum.Length;
        }

        /// <summary>
        /// Replaces the values by the original ones in the same rank order: the distribution is kept exactly. Equal
        /// values keep their order in time, as a stable sort leaves them.
        /// </summary>
        private void RankRemap(Span<double> values, Span<RankedValue> ranks)
        {
            for (var i = 0; i < values.Length; i++)
                ranks[i] = new RankedValue(values[i], i);
            ranks.Sort();
            for (var r = 0; r < ranks.Length; r++)
                values[ranks[r].Index] = _sorted[r];
        }

        /// <summary>Least-squares line through the present values.</summary>
        private static (double Intercept, double Slope) Line(ImmutableArray<double> series, int[] present)
        {
            double meanT = present.Average(), meanV = present.Average(i => series[i]);
            double covariance = 0, variance = 0;
            foreach (var i in present)
            {
                covariance += (i - meanT) * (series[i] - meanV);
                variance += (i - meanT) * (i - meanT);
            }

            var slope = variance == 0 ? 0 : covariance / variance;
            return (meanV - slope * meanT, slope);
        }
    }

    /// <summary>A value and its place in time, ordered by value and then by place.</summary>
    internal readonly record struct RankedValue(double Value, int Index) : IComparable<RankedValue>
    {
        public int CompareTo(RankedValue other)
        {
            var byValue = Value.CompareTo(other.Value);
            return byValue != 0 ? byValue : Index.CompareTo(other.Index);
        }
    }
}
