using System.Runtime.CompilerServices;
using MirrorSense.Prosody.Numerics;

namespace MirrorSense.Prosody;

/// <summary>
/// Finds the pitch candidates of one frame (Boersma 1993): subtract the local mean, apply a Hanning window,
/// take the autocorrelation via the power spectrum, divide by the window's own autocorrelation, and keep the
/// strongest local maxima, refined by sinc interpolation. Owns its scratch buffers; one instance per stream.
/// </summary>
internal sealed class PitchCandidateFinder
{
    private readonly PitchFramePlan _plan;
    private readonly FftAutocorrelation _autocorrelation;
    private readonly double[] _window;
    private readonly double[] _windowAutocorrelation;
    private readonly double[] _re;
    private readonly double[] _frame;
    private readonly double[] _windowed;
    // Autocorrelation at lags −L..+L (index = lag + L), L = plan.InterpolationLags; symmetric, so interpolation near
    // small lags sees the mirrored side as Praat's does.
    private readonly double[] _r;
    private readonly int[] _peakLag;
    private readonly PitchCandidate[] _candidates;

    public PitchCandidateFinder(PitchFramePlan plan)
    {
        _plan = plan;
        _autocorrelation = new FftAutocorrelation(plan.FftSize);
        _re = new double[plan.FftSize];
        _frame = new double[plan.LastSampleNeeded(0) - plan.FirstSampleNeeded(0) + 1];
        _windowed = new double[plan.WindowSamples];
        _window = new double[plan.WindowSamples];
        for (var j = 0; j < plan.WindowSamples; j++)
            _window[j] = 0.5 - 0.5 * Math.Cos((j + 1) * 2 * Math.PI / (plan.WindowSamples + 1));
        _windowAutocorrelation = new double[plan.FftSize];
        _autocorrelation.Transform(_window, _windowAutocorrelation);
        var zeroLag = _windowAutocorrelation[0];
        for (var i = 0; i < _windowAutocorrelation.Length; i++)
            _windowAutocorrelation[i] /= zeroLag;
        _r = new double[2 * plan.InterpolationLags + 1];
        _peakLag = new int[plan.MaxCandidates];
        _candidates = new PitchCandidate[plan.MaxCandidates];
    }

    /// <summary>
    /// The candidates of the frame whose left-centre sample is <paramref name="leftSample"/>, read from
    /// <paramref name="samples"/> (which starts at absolute sample <paramref name="firstSample"/>).
    /// Element 0 is always the unvoiced candidate. Also returns the frame's local peak (absolute amplitude).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    public (PitchCandidate[] Candidates, double LocalPeak) Analyse(ReadOnlySpan<float> samples, long firstSample, long leftSample)
    {
        var plan = _plan;
        var left = (int)(leftSample - firstSample);
        var right = left + 1;

        // The frame's samples as doubles once; the local mean looks one longest period to each side of the centre.
        var frame = _frame.AsSpan(0, samples.Length);
        SpanMath.Widen(samples, frame);
        var mean = SpanMath.Sum(frame.Slice(right - plan.SamplesPerPeriod, 2 * plan.SamplesPerPeriod)) / (2 * plan.SamplesPerPeriod);
        var windowed = _windowed.AsSpan(0, plan.WindowSamples);
        SpanMath.SubtractMultiply(frame.Slice(right - plan.HalfWindowSamples, plan.WindowSamples), mean, _window, windowed);

        // Local peak: half a longest period to each side of the centre, on the windowed frame (as Praat does).
        var from = Math.Max(1, plan.HalfWindowSamples + 1 - plan.HalfSamplesPerPeriod) - 1;
        var to = Math.Min(plan.WindowSamples, plan.HalfWindowSamples + plan.HalfSamplesPerPeriod) - 1;
        var localPeak = SpanMath.MaxAbs(windowed[from..(to + 1)]);

        var count = 1;
        _candidates[0] = PitchCandidate.Unvoiced;
        if (localPeak == 0.0)
            return ([.. _candidates.AsSpan(0, count)], 0.0);

        _autocorrelation.Transform(windowed, _re);
        // Normalise by the window's own autocorrelation; lags −L..−1 mirror lags 1..L.
        var lags = plan.InterpolationLags;
        _r[lags] = 1.0;
        SpanMath.DivideScaled(_re.AsSpan(1, lags), _re[0], _windowAutocorrelation.AsSpan(1, lags), _r.AsSpan(lags + 1, lags));
        for (var i = 1; i <= lags; i++)
            _r[lags - i] = _r[lags + i];

        var dx = plan.SamplePeriod;
        var options = plan.Options;
        for (var i = 2; i < plan.MaximumLag && i < lags; i++)
        {
            var ri = R(i);
            if (!(ri > 0.5 * options.VoicingThreshold && ri > R(i - 1) && ri >= R(i + 1)))
                continue;
            // Parabolic interpolation for a first estimate of the lag, sinc interpolation for its strength.
            var dr = 0.5 * (R(i + 1) - R(i - 1));
            var d2r = 2.0 * ri - R(i - 1) - R(i + 1);
            var frequency = 1.0 / dx / (i + dr / d2r);
            var strength = SincInterpolation.Interpolate(_r, 1.0 / dx / frequency + lags + 1, 30);
            if (strength > 1.0)
                strength = 1.0 / strength; // short windows can overshoot 1; reflect

            int place;
            if (count < plan.MaxCandidates)
            {
                place = count++;
            }
            else
            {
                // Replace the weakest voiced candidate, favouring high frequencies (octave cost) as Praat does.
                place = -1;
                var weakest = 2.0;
                for (var k = 1; k < plan.MaxCandidates; k++)
                {
                    var local = _candidates[k].Strength - options.OctaveCost * Math.Log2(options.FloorHz / _candidates[k].FrequencyHz);
                    if (local < weakest)
                    {
                        weakest = local;
                        place = k;
                    }
                }
                if (strength - options.OctaveCost * Math.Log2(options.FloorHz / frequency) <= weakest)
                    place = -1;
            }
            if (place >= 0)
            {
                _candidates[place] = new PitchCandidate(frequency, strength);
                _peakLag[place] = i;
            }
        }

        // Second pass: maximise the sinc-interpolated autocorrelation around each peak for extra precision.
        for (var k = 1; k < count; k++)
        {
            var depth = _candidates[k].FrequencyHz > 0.3 / dx ? 700 : 70;
            var (position, value) = SincInterpolation.ImproveMaximum(_r, _peakLag[k] + lags + 1, depth);
            var lag = position - lags - 1;
            if (value > 1.0)
                value = 1.0 / value;
            _candidates[k] = new PitchCandidate(1.0 / dx / lag, value);
        }
        return ([.. _candidates.AsSpan(0, count)], localPeak);
    }

    private double R(int lag) => _r[_plan.InterpolationLags + lag];
}
