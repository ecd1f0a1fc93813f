using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Readers;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Sessions.Features;

/// <summary>One row of <c>features.csv</c>: a participant's value of one feature at one grid time (NaN: an empty cell).</summary>
public readonly record struct FeatureValue(MediaTime Time, Participant Participant, double Value);

/// <summary>
/// Reads <c>features.csv</c> (<see cref="FeatureCsvWriter"/>'s format) as it streams by, keeping only the features
/// asked for: an hour of features (~100 MB) never sits in memory. Empty values stay missing.
/// </summary>
public static class FeatureCsvReader
{
    /// <summary>For plotting: for each wanted feature and participant, a <see cref="BinnedSeries"/>.</summary>
    /// <returns>The series by (feature, participant "A"/"B"); a feature absent from the file has no entry.</returns>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyDictionary<(string Feature, string Participant), BinnedSeries> ReadBinned(
        string path, IReadOnlyCollection<string> features, double originSeconds, double binSeconds)
    {
        ArgumentNullException.ThrowIfNull(features);
        var series = new Dictionary<(string, string), BinnedSeries>();
        foreach (var row in Rows(path, features.Contains, length: null))
        {
            var key = (row.Cells[2], row.Participant(1, allowEmpty: false)!);
            if (!series.TryGetValue(key, out var binned))
                series[key] = binned = new BinnedSeries(originSeconds, binSeconds);
            binned.Add(row.Required(0), row.Number(3));
        }

        return series;
    }

    /// <summary>Every row of one feature, both participants, in file order.</summary>
    /// <param name="length">Read only this many bytes (the whole rows of a recording a crash cut off); null: all.</param>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyList<FeatureValue> ReadFeature(string path, string feature, long? length = null) =>
        [.. ReadFeatures(path, new HashSet<string> { feature }, length).Select(row => row.Value)];

    /// <summary>Every row of the named features, both participants, in file order, each with its feature's name (one pass over the file).</summary>
    /// <param name="length">Read only this many bytes (the whole rows of a recording a crash cut off); null: all.</param>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyList<(string Feature, FeatureValue Value)> ReadFeatures(string path, IReadOnlySet<string> features, long? length = null) =>
        [.. Rows(path, features.Contains, length).Select(row => (row.Cells[2], new FeatureValue(
            MediaTime.FromSeconds(row.Required(0)),
            row.Participant(1, allowEmpty: false) == "A" ? Participant.A : Participant.B,
            row.Number(3))))];

    /// <summary>
    /// The whole table back as the grid series the measures take (features in file order), so measures can be
    /// recomputed from an analysis without its video. The grid is the file's own: its first time is the origin.
    /// </summary>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static FeatureSeries ReadSeries(string path, double sampleRate = 30)
    {
        var names = new List<string>();
        var points = new SortedDictionary<long, (Dictionary<string, double> A, Dictionary<string, double> B)>();
        foreach (var row in Rows(path, _ => true, length: null))
        {
            var index = (long)Math.Round(row.Required(0) * sampleRate);
            if (!names.Contains(row.Cells[2]))
                names.Add(row.Cells[2]);
            if (!points.TryGetValue(index, out var point))
                points[index] = point = ([], []);
            (row.Participant(1, allowEmpty: false) == "A" ? point.A : point.B)[row.Cells[2]] = row.Number(3);
        }

        var origin = points.Count == 0 ? 0 : points.Keys.First();
        ImmutableArray<double> Values(Dictionary<string, double> of) => [.. names.Select(n => of.GetValueOrDefault(n, double.NaN))];
        var schema = new FeatureSchema(names);
        var samples = points.Select(p => new FeatureSample(MediaTime.OfSample(p.Key, sampleRate), p.Key - origin, schema, Values(p.Value.A), Values(p.Value.B)));
        return FeatureSeries.Collect(samples, schema, new FeatureGridOptions(sampleRate, Origin: MediaTime.OfSample(origin, sampleRate)));
    }

    private static IEnumerable<CsvRow> Rows(string path, Func<string, bool> wanted, long? length) =>
        CsvTable.Read(path, FeatureCsvWriter.Header, length: length).Where(row => !row.IsHeader && wanted(row.Cells[2]));
}
