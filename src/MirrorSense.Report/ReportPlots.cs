using MirrorSense.Sessions.Analysis;
using MirrorSense.Synchrony.Coordination;
using ScottPlot;

namespace MirrorSense.Report;

/// <summary>A line to draw: times (s) and values; NaN values are gaps.</summary>
public sealed record PlotLine(string Label, double[] Times, double[] Values, string ColorHex, bool Dashed = false);

/// <summary>A value held over a stretch of time (a unit's speech rate); NaN values are not drawn.</summary>
public sealed record PlotSegment(double StartSeconds, double EndSeconds, double Value);

/// <summary>One participant's segments, drawn in one colour under one legend entry.</summary>
public sealed record PlotSegments(string Label, IReadOnlyList<PlotSegment> Segments, string ColorHex);

/// <summary>One person's lane of a timeline: stretches drawn as bars (speech units) and moments as ticks (nods).</summary>
public sealed record TimelineLane(string Label, IReadOnlyList<PlotSpan> Stretches, IReadOnlyList<double> Ticks, string TickLabel, string ColorHex);

/// <summary>A stretch of time to shade (an episode), with its label.</summary>
public sealed record PlotSpan(double StartSeconds, double EndSeconds, string Label);

/// <summary>
/// The report's figures as PNG bytes (ScottPlot, headless). Participant colours are fixed across every
/// figure (A blue, B orange), fonts are sized for reading in a browser, every axis has a label with units,
/// and missing values break lines instead of being drawn as zeros.
/// </summary>
public static class ReportPlots
{
    public const string ColorA = "#1f77b4";
    public const string ColorB = "#e6750a";
    private const int Width = 1100;
    private const int LineHeight = 340;
    private const int HeatmapHeight = 460;

    /// <summary>A sans-serif face Debian ships (fonts-dejavu-core); ScottPlot falls back to a serif face otherwise.</summary>
    private const string Font = "DejaVu Sans";

    public static string ColorOf(string participant) => participant == "B" ? ColorB : ColorA;

    /// <summary>Lines over time, with optional shaded spans and fixed y limits.</summary>
    /// <param name="timeLimits">The analysed span (s), so every plot over time shares one time axis.</param>
    public static byte[] Lines(string title, string yLabel, IReadOnlyList<PlotLine> lines, (double Start, double End) timeLimits, IReadOnlyList<PlotSpan>? spans = null, (double Low, double High)? yLimits = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var plot = NewPlot(title, "time (s)", yLabel);
        foreach (var span in spans ?? [])
        {
            var shade = plot.Add.HorizontalSpan(span.StartSeconds, span.EndSeconds, Color.FromHex("#2ca02c").WithAlpha(0.18));
            shade.LegendText = span.Label;
        }

        foreach (var line in lines)
            AddWithGaps(plot, line);
        if (yLimits is { } limits)
            plot.Axes.SetLimitsY(limits.Low, limits.High);
        return OverTime(plot, timeLimits);
    }

    /// <summary>
    /// Values held over stretches of time: each a horizontal bar from its start to its end, with a dot at its middle
    /// so a very short one stays visible. The y axis starts at 0 (rates and counts).
    /// </summary>
    public static byte[] Segments(string title, string yLabel, IReadOnlyList<PlotSegments> series, (double Start, double End) timeLimits)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot(title, "time (s)", yLabel);
        var highest = 0.0;
        foreach (var participant in series)
        {
            var color = Color.FromHex(participant.ColorHex);
            var present = participant.Segments.Where(s => double.IsFinite(s.Value)).ToArray();
            foreach (var segment in present)
            {
                var bar = plot.Add.Line(segment.StartSeconds, segment.Value, segment.EndSeconds, segment.Value);
                bar.LineColor = color;
                bar.LineWidth = 3;
                highest = Math.Max(highest, segment.Value);
            }

            double[] times = [.. present.Select(s => (s.StartSeconds + s.EndSeconds) / 2)];
            double[] values = [.. present.Select(s => s.Value)];
            var middles = plot.Add.ScatterPoints(times, values, color);
            middles.MarkerSize = 6;
            middles.LegendText = participant.Label;
        }

        plot.Axes.SetLimitsY(0, highest > 0 ? highest * 1.1 : 1);
        return OverTime(plot, timeLimits);
    }

    /// <summary>
    /// Lanes one above the other (the first on top): each stretch a pale bar, each moment a tick across the lane, so
    /// what one person does can be read against what the other says.
    /// </summary>
    public static byte[] Timeline(string title, IReadOnlyList<TimelineLane> lanes, (double Start, double End) timeLimits)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        var plot = NewPlot(title, "time (s)", "");
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            var y = lanes.Count - i;
            var color = Color.FromHex(lane.ColorHex);
            foreach (var (stretch, index) in lane.Stretches.Select((s, n) => (s, n)))
            {
                var bar = plot.Add.Line(stretch.StartSeconds, y, stretch.EndSeconds, y);
                bar.LineColor = color.WithAlpha(0.35);
                bar.LineWidth = 14;
                if (index == 0)
                    bar.LegendText = stretch.Label;
            }

            foreach (var (tick, index) in lane.Ticks.Select((t, n) => (t, n)))
            {
                var mark = plot.Add.Line(tick, y - 0.3, tick, y + 0.3);
                mark.LineColor = color;
                mark.LineWidth = 2.5f;
                if (index == 0)
                    mark.LegendText = lane.TickLabel;
            }
        }

        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, lanes.Count).Select(i => (double)(lanes.Count - i))], [.. lanes.Select(l => l.Label)]);
        // The legend runs in one row above the top lane, clear of the bars it names.
        plot.Axes.SetLimitsY(0.4, lanes.Count + 1);
        plot.Legend.Orientation = Orientation.Horizontal;
        return OverTime(plot, timeLimits);
    }

    /// <summary>The common finish of plots over time: the shared time axis and the legend.</summary>
    private static byte[] OverTime(Plot plot, (double Start, double End) timeLimits)
    {
        if (timeLimits.End > timeLimits.Start)
            plot.Axes.SetLimitsX(timeLimits.Start, timeLimits.End);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.FontSize = 15;
        return plot.GetImageBytes(Width, LineHeight, ImageFormat.Png);
    }

    /// <summary>
    /// The window × lag heat map: lag on x (positive: B follows A), window start time on y (earliest at the
    /// top, as rMEA draws it), lag 0 marked, and the colour bar named after what the cells hold. Signed values
    /// get a diverging scale centred on 0, values that cannot be negative (rMEA's |Fisher z|) a white-to-red one.
    /// </summary>
    public static byte[] Heatmap(string title, LagMatrixTable matrix, LagMatrixCells cells)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(cells);
        var plot = NewPlot(title, "lag (s):  negative = A follows B,  positive = B follows A", "window start (s)");
        var windows = matrix.WindowStartSeconds.Length;
        var lags = matrix.LagSeconds.Length;
        if (windows > 0 && lags > 0)
        {
            var step = windows > 1 ? (matrix.WindowStartSeconds[^1] - matrix.WindowStartSeconds[0]) / (windows - 1) : 1;
            var lagStep = lags > 1 ? (matrix.LagSeconds[^1] - matrix.LagSeconds[0]) / (lags - 1) : 1;
            var heatmap = plot.Add.Heatmap(matrix.Values);
            var (low, high) = ColourRange(matrix, cells);
            heatmap.Colormap = low < 0 ? new ScottPlot.Colormaps.Balance() : new ScottPlot.Colormaps.Amp();
            heatmap.ManualRange = new ScottPlot.Range(low, high);
            heatmap.NaNCellColor = Color.FromHex("#d0d0d0");
            // Each row covers its window's start up to the next window's start, so the y axis reads as window start time.
            heatmap.Rectangle = new CoordinateRect(
                matrix.LagSeconds[0] - (lagStep / 2), matrix.LagSeconds[^1] + (lagStep / 2),
                matrix.WindowStartSeconds[^1] + step, matrix.WindowStartSeconds[0]);
            // ScottPlot puts the first row of values at the rectangle's higher y, which the inverted axis shows at the
            // bottom; flipped, the first window sits at the top beside its own start time.
            heatmap.FlipVertically = true;
            var bar = plot.Add.ColorBar(heatmap);
            bar.Label = cells.Name;
            bar.LabelStyle.FontSize = 15;
            plot.Axes.InvertY();
        }

        var zero = plot.Add.VerticalLine(0, 2, Colors.Black, LinePattern.Dashed);
        zero.LegendText = "lag 0";
        plot.Legend.IsVisible = true;
        plot.Legend.FontSize = 15;
        return plot.GetImageBytes(Width, HeatmapHeight, ImageFormat.Png);
    }

    /// <summary>
    /// A correlation scale (at most 2 wide) is drawn whole, so heat maps of different sessions compare; a wider one
    /// (Fisher z reaches ±10) or an unknown one is fitted to the values present, or it would wash out to one colour.
    /// </summary>
    private static (double Low, double High) ColourRange(LagMatrixTable matrix, LagMatrixCells cells)
    {
        if (double.IsFinite(cells.Low) && double.IsFinite(cells.High) && cells.High - cells.Low <= 2)
            return (cells.Low, cells.High);
        var present = matrix.Values.Cast<double>().Where(double.IsFinite).ToArray();
        var largest = present.Length == 0 ? 1 : Math.Max(present.Max(Math.Abs), 1e-6);
        var signed = cells.Low < 0 || present.Any(v => v < 0);
        return signed ? (-largest, largest) : (0, largest);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 16);
        plot.YLabel(yLabel, size: 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        return plot;
    }

    /// <summary>One scatter line per run of present values, so a missing stretch is a visible gap; single points get a dot.</summary>
    private static void AddWithGaps(Plot plot, PlotLine line)
    {
        var color = Color.FromHex(line.ColorHex);
        var labelled = false;
        var start = -1;
        for (var i = 0; i <= line.Values.Length; i++)
        {
            var present = i < line.Values.Length && !double.IsNaN(line.Values[i]);
            if (present && start < 0)
                start = i;
            if (present || start < 0)
                continue;
            var scatter = plot.Add.ScatterLine(line.Times[start..i], line.Values[start..i], color);
            scatter.LineWidth = 2;
            scatter.MarkerSize = i - start == 1 ? 4 : 0;
            scatter.LinePattern = line.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            if (!labelled)
            {
                scatter.LegendText = line.Label;
                labelled = true;
            }

            start = -1;
        }
    }
}
