using MirrorSense.Core;
using MirrorSense.Sessions.Features;

namespace MirrorSense.Sessions.Report;

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
        [.. Rows(path, name => name == feature, length).Select(row => new FeatureValue(
            MediaTime.FromSeconds(row.Required(0)),
            row.Participant(1, allowEmpty: false) == "A" ? Participant.A : Participant.B,
            row.Number(3)))];

    private static IEnumerable<CsvRow> Rows(string path, Func<string, bool> wanted, long? length) =>
        CsvTable.Read(path, FeatureCsvWriter.Header, length: length).Where(row => !row.IsHeader && wanted(row.Cells[2]));
}
