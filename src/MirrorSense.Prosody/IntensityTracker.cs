using System.Runtime.CompilerServices;
using MirrorSense.Core;
using MirrorSense.Prosody.Numerics;

namespace MirrorSense.Prosody;

/// <summary>
/// Streaming intensity of one mono signal, as Praat's "To Intensity": each frame is the Kaiser-weighted mean square
/// of the (mean-subtracted) samples around its centre, in dB re 2·10⁻⁵ Pa. A frame is emitted as soon as its
/// window is complete, i.e. half a window (32 ms at 100 Hz) after its centre.
/// </summary>
public sealed class IntensityTracker
{
    private const double HearingThresholdSquared = 2.0e-5 * 2.0e-5;

    private readonly IntensityOptions _options;
    private readonly FrameGrid _grid;
    private readonly SampleHistory _history;
    private readonly double _samplePeriod;
    private readonly int _halfWindowSamples;
    private readonly double[] _window;
    private readonly double[] _amplitude;
    private long _nextFrame;
    private bool _completed;

    /// <param name="grid">Frame placement; an open-ended grid starting half a window into the stream when null.</param>
    public IntensityTracker(double sampleRate, IntensityOptions? options = null, FrameGrid? grid = null)
    {
        _options = options ?? new IntensityOptions();
        _options.Validate();
        if (!(sampleRate > 0) || !double.IsFinite(sampleRate))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be positive.");
        _samplePeriod = 1.0 / sampleRate;
        var halfWindowSeconds = 0.5 * _options.WindowSeconds;
        _halfWindowSamples = (int)Math.Floor(halfWindowSeconds / _samplePeriod);
        _window = KaiserWindow.Create(_halfWindowSamples, _samplePeriod, halfWindowSeconds);
        _amplitude = new double[_window.Length];
        _grid = grid ?? FrameGrid.ForStream(_options.WindowSeconds, _options.TimeStep);
        _history = new SampleHistory(sampleRate);
    }

    public IntensityOptions Options => _options;

    /// <summary>Adds a block of samples and returns the frames whose windows are now complete.</summary>
    public IReadOnlyList<IntensityFrame> Process(ReadOnlySpan<float> samples, MediaTime firstSampleTime)
    {
        if (_completed)
            throw new InvalidOperationException("The stream was already completed.");
        _history.Append(samples, firstSampleTime);
        return Analyse(endOfStream: false);
    }

    /// <summary>
    /// Ends the stream. Frames of a grid with a known count whose window runs past the last sample are computed on
    /// the part that exists, as Praat does at the edges; open-ended grids emit nothing more.
    /// </summary>
    public IReadOnlyList<IntensityFrame> Complete()
    {
        if (_completed)
            return [];
        _completed = true;
        return _grid.Count is null ? [] : Analyse(endOfStream: true);
    }

    private List<IntensityFrame> Analyse(bool endOfStream)
    {
        var frames = new List<IntensityFrame>();
        var start = _history.Start ?? MediaTime.Zero;
        while (_grid.Contains(_nextFrame))
        {
            var centreTime = _grid.CentreOf(_nextFrame);
            // Nearest sample to the centre (Praat's Sampled_xToNearestIndex), 0-based.
            var centre = (long)Math.Floor((centreTime - 0.5 * _samplePeriod) / _samplePeriod + 1.0 + 0.5) - 1;
            var left = centre - _halfWindowSamples;
            var right = centre + _halfWindowSamples;
            if (right >= _history.Received && !endOfStream)
                break;
            left = Math.Max(left, 0);
            right = Math.Min(right, _history.Received - 1);
            if (right < left)
                break;
            var decibels = Level(_history.Slice(left, (int)(right - left + 1)), (int)(left - (centre - _halfWindowSamples)));
            var time = new MediaTime(start.Microseconds + (long)Math.Round(centreTime * MediaTime.MicrosecondsPerSecond, MidpointRounding.AwayFromZero));
            frames.Add(new IntensityFrame(time, decibels));
            _nextFrame++;
            var nextCentre = (long)Math.Floor((_grid.CentreOf(_nextFrame) - 0.5 * _samplePeriod) / _samplePeriod + 1.0 + 0.5) - 1;
            _history.DiscardBefore(nextCentre - _halfWindowSamples);
        }
        return frames;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot at frame rate: optimised from the first call, not after tiering
    private double Level(ReadOnlySpan<float> samples, int windowOffset)
    {
        var amplitude = _amplitude.AsSpan(0, samples.Length);
        SpanMath.Widen(samples, amplitude);
        var mean = _options.SubtractMean ? SpanMath.Sum(amplitude) / amplitude.Length : 0.0;
        var (sumxw, sumw) = SpanMath.WeightedSquaredDeviations(amplitude, mean, _window.AsSpan(windowOffset, amplitude.Length));
        var relative = sumxw / sumw / HearingThresholdSquared;
        return relative < 1.0e-30 ? -300.0 : 10.0 * Math.Log10(relative);
    }
}
