using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// A session's feature grid replayed through the live engine (the one the page shows), sample by sample on media
/// time, as a camera would have delivered it: the session mean of the posture and gesture meters. On a null the
/// meters should average 50 (chance for these two people); on a designed effect they should stand well above it.
/// </summary>
internal static class LiveMeterReplay
{
    /// <summary>The gesture feature the live page follows (pixel motion of each person's region).</summary>
    public const string GestureFeature = "pixel_motion";

    /// <summary>Mean index of each body meter over every update that had one (NaN when none had).</summary>
    public static (double Posture, double Gesture) SessionMeans(FeatureSeries features, LiveCoordinationOptions? options = null)
    {
        var engine = new LiveCoordinationEngine(new LiveBodyLayout(features.Schema, GestureFeature, features.Grid.SampleRate), options);
        var columns = features.Names.Select(name => (A: features.Of(Participant.A, name), B: features.Of(Participant.B, name))).ToArray();
        var posture = new List<double>();
        var gesture = new List<double>();
        for (var i = 0; i < features.Length; i++)
        {
            var sample = new FeatureSample(features.Grid.Origin + TimeSpan.FromSeconds(i / features.Grid.SampleRate), i, features.Schema,
                [.. columns.Select(c => c.A[i])], [.. columns.Select(c => c.B[i])]);
            if (engine.Add(sample) is not { } update)
                continue;
            Take(update, LiveChannel.Posture, posture);
            Take(update, LiveChannel.Gesture, gesture);
        }

        return (Mean(posture), Mean(gesture));
    }

    private static void Take(CoordinationUpdate update, LiveChannel channel, List<double> into)
    {
        if (update[channel] is { } reading && double.IsFinite(reading.Index))
            into.Add(reading.Index);
    }

    private static double Mean(List<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
