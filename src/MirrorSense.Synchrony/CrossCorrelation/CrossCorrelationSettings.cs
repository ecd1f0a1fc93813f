using System.Globalization;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>
/// Parameters of windowed lagged cross-correlation, with the semantics of rMEA 1.3.0's
/// <c>MEAccf(lagSec, winSec, incSec, r2Z, ABS)</c>. Lags, windows and increments are given in
/// seconds and must each be a whole number of samples at <see cref="SampleRate"/>.
/// </summary>
public sealed record CrossCorrelationSettings
{
    public CrossCorrelationSettings(double sampleRate, double lagSeconds, double windowSeconds, double incrementSeconds,
        bool fisherZ = true, bool absolute = true)
    {
        if (!(sampleRate > 0) || double.IsInfinity(sampleRate))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be a positive number of samples per second.");
        SampleRate = sampleRate;
        LagSeconds = lagSeconds;
        WindowSeconds = windowSeconds;
        IncrementSeconds = incrementSeconds;
        LagSamples = WholeSamples(lagSeconds, sampleRate, "lag", allowZero: true);
        WindowSamples = WholeSamples(windowSeconds, sampleRate, "window", allowZero: false);
        IncrementSamples = WholeSamples(incrementSeconds, sampleRate, "increment", allowZero: false);
        FisherZ = fisherZ;
        Absolute = absolute;
    }

    public double SampleRate { get; }
    public double LagSeconds { get; }
    public double WindowSeconds { get; }
    public double IncrementSeconds { get; }

    /// <summary>Largest shift in samples; lags run from -LagSamples to +LagSamples.</summary>
    public int LagSamples { get; }

    public int WindowSamples { get; }
    public int IncrementSamples { get; }

    /// <summary>Fisher's r-to-z (atanh), clipped to [-10, 10] as rMEA does.</summary>
    public bool FisherZ { get; }

    /// <summary>Absolute values, applied after Fisher z (rMEA's <c>ABS</c>).</summary>
    public bool Absolute { get; }

    public int LagCount => 2 * LagSamples + 1;

    /// <summary>Samples of each series that one window reads: the window plus the largest lag.</summary>
    public int SpanSamples => WindowSamples + LagSamples;

    /// <summary>Column index of lag <paramref name="lag"/> (in samples, -LagSamples..LagSamples).</summary>
    public int LagIndex(int lag) => lag + LagSamples;

    /// <summary>The lag in seconds of a column, as rMEA names its columns (<c>ran / sampRate</c>).</summary>
    public double LagSecondsAt(int lagIndex) => (lagIndex - LagSamples) / SampleRate;

    /// <summary>rMEA's window count, <c>ceiling((N - win - lag + 1) / inc)</c>; zero or less means no complete window.</summary>
    public int WindowCount(int seriesLength)
    {
        var spare = (long)seriesLength - WindowSamples - LagSamples + 1;
        return spare <= 0 ? 0 : (int)((spare + IncrementSamples - 1) / IncrementSamples);
    }

    /// <summary>Media times of window <paramref name="index"/> proper (without the lag margin) in a series whose first sample is at <paramref name="origin"/>.</summary>
    internal (MediaTime Start, MediaTime End) WindowTimes(int index, MediaTime origin)
    {
        var startSample = (long)index * IncrementSamples;
        return (new MediaTime(origin.Microseconds + MediaTime.OfSample(startSample, SampleRate).Microseconds),
            new MediaTime(origin.Microseconds + MediaTime.OfSample(startSample + WindowSamples, SampleRate).Microseconds));
    }

    /// <summary>Samples a series needs for one complete window.</summary>
    public int MinimumLength => SpanSamples;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lag {LagSeconds} s, window {WindowSeconds} s, increment {IncrementSeconds} s at {SampleRate} Hz{(FisherZ ? ", Fisher z" : "")}{(Absolute ? ", absolute" : ", signed")}");

    private static int WholeSamples(double seconds, double sampleRate, string what, bool allowZero)
    {
        if (double.IsNaN(seconds) || seconds < 0 || (!allowZero && seconds == 0) || double.IsInfinity(seconds))
            throw new ArgumentOutOfRangeException(what, seconds, $"The {what} must be a {(allowZero ? "non-negative" : "positive")} number of seconds.");
        var samples = seconds * sampleRate;
        var whole = Math.Round(samples);
        if (Math.Abs(samples - whole) > 1e-9 * Math.Max(1, samples))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The {what} of {seconds} s is {samples} samples at {sampleRate} Hz; it must be a whole number of samples."), what);
        if (whole > int.MaxValue / 4)
            throw new ArgumentOutOfRangeException(what, seconds, $"The {what} is too long.");
        return (int)whole;
    }
}
