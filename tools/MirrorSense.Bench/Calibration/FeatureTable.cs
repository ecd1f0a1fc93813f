using System.Collections.Immutable;
using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// Reads an analysis's <c>features.csv</c> back into the grid series the measures take, so a session's pose is
/// extracted once and its measures can be recomputed in-process as often as the harness needs.
/// </summary>
internal static class FeatureTable
{
    public static FeatureSeries Read(string path, double sampleRate = 30)
    {
        var names = new List<string>();
        var rows = new Dictionary<long, (Dictionary<string, double> A, Dictionary<string, double> B)>();
        long? first = null;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            var index = (long)Math.Round(double.Parse(cells[0], CultureInfo.InvariantCulture) * sampleRate);
            first ??= index;
            if (!names.Contains(cells[2]))
                names.Add(cells[2]);
            if (!rows.TryGetValue(index, out var row))
                rows[index] = row = (new(), new());
            var value = cells[3].Length == 0 ? double.NaN : double.Parse(cells[3], CultureInfo.InvariantCulture);
            (cells[1] == "A" ? row.A : row.B)[cells[2]] = value;
        }

        var origin = first ?? 0;
        var grid = new FeatureGridOptions(sampleRate, Origin: MediaTime.FromSeconds(origin / sampleRate));
        ImmutableArray<double> Values(Dictionary<string, double> of) => [.. names.Select(n => of.TryGetValue(n, out var v) ? v : double.NaN)];
        var samples = rows.OrderBy(r => r.Key).Select(r => new FeatureSample(MediaTime.FromSeconds(r.Key / sampleRate), r.Key - origin, Values(r.Value.A), Values(r.Value.B)));
        return FeatureSeries.Collect(samples, names, grid);
    }

    /// <summary>A pseudo-dyad: A of one session with B of another, cut to the shorter, on the first one's grid.</summary>
    public static FeatureSeries Combine(FeatureSeries withA, FeatureSeries withB)
    {
        var names = withA.Names.Intersect(withB.Names).ToArray();
        var length = Math.Min(withA.Length, withB.Length);
        var a = names.Select(n => withA.Of(Participant.A, n)).ToArray();
        var b = names.Select(n => withB.Of(Participant.B, n)).ToArray();
        var samples = Enumerable.Range(0, length).Select(i => new FeatureSample(
            withA.Grid.Origin + TimeSpan.FromSeconds(i / withA.Grid.SampleRate), i, [.. a.Select(s => s[i])], [.. b.Select(s => s[i])]));
        return FeatureSeries.Collect(samples, names, withA.Grid);
    }
}
