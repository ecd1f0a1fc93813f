using System.Collections.Immutable;

namespace MirrorSense.Core;

/// <summary>
/// Two equally sampled signals of one dyad on a common grid (sample k at k / SampleRate seconds):
/// the input of every windowed synchrony measure. Missing samples are NaN.
/// </summary>
public sealed record DyadSeries
{
    public DyadSeries(string name, double sampleRate, ImmutableArray<double> a, ImmutableArray<double> b)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!(sampleRate > 0) || double.IsInfinity(sampleRate))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The sample rate must be a positive number of samples per second.");
        if (a.IsDefault || b.IsDefault)
            throw new ArgumentException("Both series must be given.");
        if (a.Length != b.Length)
            throw new ArgumentException($"Dyad '{name}': series A has {a.Length} samples but B has {b.Length}; they must share one grid.");
        Name = name;
        SampleRate = sampleRate;
        A = a;
        B = b;
    }

    public string Name { get; }
    public double SampleRate { get; }
    public ImmutableArray<double> A { get; }
    public ImmutableArray<double> B { get; }

    public int Length => A.Length;

    public TimeSpan Duration => TimeSpan.FromSeconds(Length / SampleRate);

    public ImmutableArray<double> this[Participant participant] => participant == Participant.A ? A : B;

    public static DyadSeries FromArrays(string name, double sampleRate, double[] a, double[] b) =>
        new(name, sampleRate, [.. a], [.. b]);

    /// <summary>The same dyad with both series replaced (pre-processing keeps name and rate).</summary>
    public DyadSeries WithSeries(ImmutableArray<double> a, ImmutableArray<double> b) => new(Name, SampleRate, a, b);
}
