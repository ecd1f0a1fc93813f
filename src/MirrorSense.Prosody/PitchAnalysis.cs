using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>Batch pitch analysis of a whole signal: Praat's "To Pitch (ac)" with its frame grid and global peak.</summary>
public static class PitchAnalysis
{
    /// <summary>
    /// Analyses <paramref name="samples"/> (mono, starting at media time <paramref name="start"/>). By default the
    /// frames sit where Praat puts them for this signal length and silence is judged against the whole signal's
    /// peak, as in Praat; pass a <paramref name="grid"/> and <paramref name="peakReference"/> to reproduce what a
    /// <see cref="PitchTracker"/> configured the same way emits live — this runs that very tracker.
    /// </summary>
    public static ImmutableArray<PitchFrame> Analyze(
        ReadOnlySpan<float> samples, double sampleRate, MediaTime start = default, PitchOptions? options = null,
        FrameGrid? grid = null, PeakReference? peakReference = null)
    {
        options ??= new PitchOptions();
        options.Validate();
        grid ??= FrameGrid.ForWholeSignal(samples.Length, sampleRate, options.WindowSeconds, options.TimeStep);
        peakReference ??= PeakReference.OfWholeSignal(samples);
        var tracker = new PitchTracker(sampleRate, options, grid, peakReference);
        var builder = ImmutableArray.CreateBuilder<PitchFrame>(grid.Count ?? 0);
        builder.AddRange(tracker.Process(samples, start));
        builder.AddRange(tracker.Complete());
        return builder.ToImmutable();
    }
}
