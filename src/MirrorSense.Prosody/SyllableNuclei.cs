using System.Collections.Immutable;
using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>
/// Settings of syllable-nucleus detection after de Jong &amp; Wempe (2009), "Praat script to detect syllable nuclei
/// and measure speech rate automatically": intensity peaks above a threshold, separated by a dip of at least
/// <see cref="MinimumDipDb"/>, that fall in voiced frames.
/// </summary>
public sealed record SyllableOptions
{
    /// <summary>Peaks must be louder than the 0.99 quantile of the intensity plus this (dB, negative). Default −25.</summary>
    public double SilenceThresholdDb { get; init; } = -25.0;

    /// <summary>Minimum fall (dB) between a peak and the next one for the peak to count. Default 2.</summary>
    public double MinimumDipDb { get; init; } = 2.0;

    /// <summary>The intensity analysis the script uses: "To Intensity: 50, 0, yes" (128 ms window, 16 ms step).</summary>
    public IntensityOptions Intensity { get; init; } = new() { MinimumPitchHz = 50 };

    public PitchOptions Pitch { get; init; } = new();
}

/// <summary>The syllable nuclei of an utterance and the speech rate they give.</summary>
public sealed record SpeechRate(ImmutableArray<MediaTime> Nuclei, TimeSpan Duration)
{
    public double SyllablesPerSecond => Duration > TimeSpan.Zero ? Nuclei.Length / Duration.TotalSeconds : 0.0;
}

/// <summary>Finds syllable nuclei in a whole signal (batch).</summary>
public static class SyllableNuclei
{
    public static SpeechRate Analyze(ReadOnlySpan<float> samples, double sampleRate, MediaTime start = default, SyllableOptions? options = null)
    {
        options ??= new SyllableOptions();
        var intensity = IntensityAnalysis.Analyze(samples, sampleRate, start, options.Intensity);
        var pitch = PitchAnalysis.Analyze(samples, sampleRate, start, options.Pitch);
        var duration = TimeSpan.FromSeconds(samples.Length / sampleRate);
        return new SpeechRate(Find(intensity, [.. pitch.Select(f => new ProsodyFrame(f.Time, f.FrequencyHz, double.NaN))], options), duration);
    }

    /// <summary>
    /// The times of the nuclei, given an intensity contour and the pitch of the same signal (of its frames only the times
    /// and whether they are voiced are read, so a stream's prosody frames serve without keeping its pitch frames).
    /// </summary>
    public static ImmutableArray<MediaTime> Find(IReadOnlyList<IntensityFrame> intensity, IReadOnlyList<ProsodyFrame> pitch, SyllableOptions? options = null)
    {
        options ??= new SyllableOptions();
        if (intensity.Count < 3)
            return [];
        var sorted = intensity.Select(f => f.Decibels).Order().ToArray();
        var threshold = Quantile(sorted, 0.99) + options.SilenceThresholdDb;

        var peaks = new List<int>();
        for (var i = 1; i < intensity.Count - 1; i++)
        {
            var db = intensity[i].Decibels;
            // A plateau counts once, at its first frame.
            if (db > threshold && db > intensity[i - 1].Decibels && db >= intensity[i + 1].Decibels)
                peaks.Add(i);
        }

        var nuclei = ImmutableArray.CreateBuilder<MediaTime>();
        for (var p = 0; p < peaks.Count; p++)
        {
            var here = peaks[p];
            var until = p + 1 < peaks.Count ? peaks[p + 1] : intensity.Count - 1;
            var dip = double.PositiveInfinity;
            for (var i = here; i <= until; i++)
                dip = Math.Min(dip, intensity[i].Decibels);
            if (intensity[here].Decibels - dip < options.MinimumDipDb)
                continue;
            if (IsVoicedAt(pitch, intensity[here].Time))
                nuclei.Add(intensity[here].Time);
        }
        return nuclei.ToImmutable();
    }

    private static bool IsVoicedAt(IReadOnlyList<ProsodyFrame> pitch, MediaTime time)
    {
        if (pitch.Count == 0)
            return false;
        // Nearest pitch frame (frames are sorted by time).
        int lo = 0, hi = pitch.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (pitch[mid].Time < time)
                lo = mid + 1;
            else
                hi = mid;
        }
        var nearest = lo > 0 && (time - pitch[lo - 1].Time) < (pitch[lo].Time - time) ? lo - 1 : lo;
        return pitch[nearest].IsVoiced && Math.Abs((pitch[nearest].Time - time).TotalSeconds) <= 0.02;
    }

    // Praat's quantile of sorted values: linear interpolation at position (n − 1)·q.
    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
