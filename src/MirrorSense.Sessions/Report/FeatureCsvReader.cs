using MirrorSense.Sessions.Features;

namespace MirrorSense.Sessions.Report;

/// <summary>
/// Reads <c>features.csv</c> (<see cref="FeatureCsvWriter"/>'s format) for plotting: streams the rows once and
/// keeps, for each wanted feature and participant, a <see cref="BinnedSeries"/>. An hour of features (~100 MB)
/// never sits in memory. Empty values are not visible and stay gaps.
/// </summary>
public static class FeatureCsvReader
{
    /// <returns>The series by (feature, participant "A"/"B"); a feature absent from the file has no entry.</returns>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyDictionary<(string Feature, string Participant), BinnedSeries> ReadBinned(
        string path, IReadOnlyCollection<string> features, double originSeconds, double binSeconds)
    {
        ArgumentNullException.ThrowIfNull(features);
        var series = new Dictionary<(string, string), BinnedSeries>();
        foreach (var row in CsvTable.Read(path, FeatureCsvWriter.Header))
        {
            if (row.IsHeader || !features.Contains(row.Cells[2]))
                continue;
            var key = (row.Cells[2], row.Participant(1, allowEmpty: false)!);
            if (!series.TryGetValue(key, out var binned))
                series[key] = binned = new BinnedSeries(originSeconds, binSeconds);
            binned.Add(row.Required(0), row.Number(3));
        }

        return series;
    }
}
