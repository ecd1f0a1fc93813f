using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>Batch intensity of a whole signal, on Praat's frame grid (runs the streaming <see cref="IntensityTracker"/>).</summary>
public static class IntensityAnalysis
{
    public static ImmutableArray<IntensityFrame> Analyze(
        ReadOnlySpan<float> samples, double sampleRate, MediaTime start = default, IntensityOptions? options = null, FrameGrid? grid = null)
    {
        options ??= new IntensityOptions();
        options.Validate();
        grid ??= FrameGrid.ForWholeSignal(samples.Length, sampleRate, options.WindowSeconds, options.TimeStep);
        var tracker = new IntensityTracker(sampleRate, options, grid);
        var builder = ImmutableArray.CreateBuilder<IntensityFrame>(grid.Count ?? 0);
        builder.AddRange(tracker.Process(samples, start));
        builder.AddRange(tracker.Complete());
        return builder.ToImmutable();
    }
}
