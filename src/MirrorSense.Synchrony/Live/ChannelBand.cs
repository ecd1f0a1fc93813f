using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// A channel's band, learnt from the trainee's own first minutes: the middle half of the indices seen then,
/// widened so ordinary wobble stays inside. The index itself is relative to the partner (a percentile among
/// chance alignments of the two), so the band is relative to both — never a fixed norm.
/// </summary>
internal sealed class ChannelBand
{
    /// <summary>Room added on both sides of the calibration's middle half.</summary>
    private const double Margin = 10;

    /// <summary>A band never narrower than this: the index moves by this much on its own.</summary>
    private const double MinimumWidth = 30;

    private readonly List<double> _calibration = [];

    public double? Low { get; private set; }

    public double? High { get; private set; }

    public void Learn(double index)
    {
        if (!double.IsNaN(index))
            _calibration.Add(index);
    }

    /// <summary>Fixes the band from what was learnt; with nothing learnt, the band sits around chance (50).</summary>
    public void Close()
    {
        if (Low is not null)
            return;
        var sorted = _calibration.Order().ToArray();
        var lower = sorted.Length == 0 ? 50 : sorted[(int)(0.25 * (sorted.Length - 1))];
        var upper = sorted.Length == 0 ? 50 : sorted[(int)(0.75 * (sorted.Length - 1))];
        // Below chance is never "in band", however the first minutes went.
        var low = Math.Clamp(lower - Margin, 15, 50);
        var high = Math.Min(95, Math.Max(upper + Margin, low + MinimumWidth));
        Low = low;
        High = high;
        _calibration.Clear();
    }

    public ChannelState Judge(double index) =>
        Low is not { } low || High is not { } high ? ChannelState.Calibrating
        : index < low ? ChannelState.Low
        : index > high ? ChannelState.High
        : ChannelState.InBand;
}
