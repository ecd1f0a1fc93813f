using System.Collections.Immutable;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>When a <c>smile</c> signal reads as smiling.</summary>
/// <param name="Onset">A smile starts when the signal reaches this (0 is the person's neutral mouth, 1 a broad smile).</param>
/// <param name="Offset">
/// It ends when the signal falls below this. Lower than <paramref name="Onset"/>, so a smile hovering at the threshold
/// with the mesh's jitter is one smile, not a flicker of many.
/// </param>
/// <param name="MinimumSeconds">A smiling stretch shorter than this is a twitch of the mouth (or of the tracker), not a smile.</param>
public sealed record SmileThresholds(double Onset = 0.3, double Offset = 0.15, double MinimumSeconds = 0.3);

/// <summary>
/// One person's smiling over time from their <c>smile</c> signal: per sample smiling, not smiling or unknown (no face),
/// and the samples where a smile began. A smile already under way when the face comes into view is smiling but has no
/// onset, because nobody saw it start.
/// </summary>
public sealed class SmilingTimeline
{
    private SmilingTimeline(ImmutableArray<bool?> states, ImmutableArray<int> onsets)
    {
        States = states;
        Onsets = onsets;
    }

    /// <summary>Per sample: true smiling, false not, null where the face was not seen.</summary>
    public ImmutableArray<bool?> States { get; }

    /// <summary>Samples where a smile began, ascending.</summary>
    public ImmutableArray<int> Onsets { get; }

    /// <summary>Share of the samples with a face in which the person smiled (NaN with no face at all).</summary>
    public double SmilingShare
    {
        get
        {
            var seen = States.Count(s => s.HasValue);
            return seen == 0 ? double.NaN : (double)States.Count(s => s == true) / seen;
        }
    }

    public static SmilingTimeline Of(ReadOnlySpan<double> smile, double sampleRate, SmileThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!(thresholds.Offset <= thresholds.Onset))
            throw new ArgumentException($"The smile offset ({thresholds.Offset}) must not lie above the onset ({thresholds.Onset}).", nameof(thresholds));
        var states = new bool?[smile.Length];
        bool? state = null;
        for (var i = 0; i < smile.Length; i++)
        {
            var value = smile[i];
            state = double.IsNaN(value) ? null
                : state == true ? value >= thresholds.Offset
                : value >= thresholds.Onset;
            states[i] = state;
        }

        DropTwitches(states, (int)Math.Ceiling(thresholds.MinimumSeconds * sampleRate - 1e-9));
        var onsets = ImmutableArray.CreateBuilder<int>();
        for (var i = 1; i < states.Length; i++)
            if (states[i] == true && states[i - 1] == false)
                onsets.Add(i);
        return new SmilingTimeline([.. states], onsets.ToImmutable());
    }

    private static void DropTwitches(bool?[] states, int minimum)
    {
        var start = -1;
        for (var i = 0; i <= states.Length; i++)
        {
            var smiling = i < states.Length && states[i] == true;
            if (smiling && start < 0)
                start = i;
            else if (!smiling && start >= 0)
            {
                if (i - start < minimum)
                    Array.Fill(states, false, start, i - start);
                start = -1;
            }
        }
    }
}
