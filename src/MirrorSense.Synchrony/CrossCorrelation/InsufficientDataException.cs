using System.Globalization;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>A series is shorter than one complete window plus the largest lag.</summary>
public sealed class InsufficientDataException(string dyad, int length, CrossCorrelationSettings settings)
    : Exception(string.Create(CultureInfo.InvariantCulture,
        $"'{dyad}' has {length} samples ({length / settings.SampleRate:0.##} s at {settings.SampleRate} Hz), fewer than one window needs: " +
        $"window {settings.WindowSeconds} s + lag {settings.LagSeconds} s = {settings.SpanSamples} samples."))
{
    public string Dyad { get; } = dyad;
    public int Length { get; } = length;
    public CrossCorrelationSettings Settings { get; } = settings;
}
