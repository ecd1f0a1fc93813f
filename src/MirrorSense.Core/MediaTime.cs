using System.Globalization;

namespace MirrorSense.Core;

/// <summary>
/// A point on the media clock: the capture time of a frame or of the first sample of an audio block,
/// in whole microseconds from the start of the session (MediaPipe's convention). Alignment between
/// streams is done on this clock only, never on arrival order or wall-clock time.
/// </summary>
public readonly record struct MediaTime(long Microseconds) : IComparable<MediaTime>
{
    public const long MicrosecondsPerSecond = 1_000_000;

    public static MediaTime Zero => new(0);

    public double Seconds => Microseconds / (double)MicrosecondsPerSecond;

    public static MediaTime FromSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Media time must be a finite number of seconds.");
        return new MediaTime((long)Math.Round(seconds * MicrosecondsPerSecond, MidpointRounding.AwayFromZero));
    }

    /// <summary>The time of sample <paramref name="index"/> of a series sampled at <paramref name="sampleRate"/> Hz starting at zero.</summary>
    public static MediaTime OfSample(long index, double sampleRate) => FromSeconds(index / sampleRate);

    /// <summary>The nearest sample index of a series sampled at <paramref name="sampleRate"/> Hz starting at zero.</summary>
    public long ToSampleIndex(double sampleRate) => (long)Math.Round(Seconds * sampleRate, MidpointRounding.AwayFromZero);

    public int CompareTo(MediaTime other) => Microseconds.CompareTo(other.Microseconds);

    public static bool operator <(MediaTime left, MediaTime right) => left.Microseconds < right.Microseconds;
    public static bool operator >(MediaTime left, MediaTime right) => left.Microseconds > right.Microseconds;
    public static bool operator <=(MediaTime left, MediaTime right) => left.Microseconds <= right.Microseconds;
    public static bool operator >=(MediaTime left, MediaTime right) => left.Microseconds >= right.Microseconds;
    public static MediaTime operator +(MediaTime time, TimeSpan span) => new(time.Microseconds + span.Ticks / 10);
    public static MediaTime operator -(MediaTime time, TimeSpan span) => new(time.Microseconds - span.Ticks / 10);
    public static TimeSpan operator -(MediaTime left, MediaTime right) => TimeSpan.FromTicks((left.Microseconds - right.Microseconds) * 10);

    public override string ToString() => Seconds.ToString("0.000000", CultureInfo.InvariantCulture) + " s";
}
