using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Synchrony;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Sessions.Features;

/// <summary>
/// <c>features.csv</c>, the tidy long table of the feature grid: <c>time_s,participant,feature,value</c>,
/// one row per grid time × participant (A then B) × feature (in the stream's feature order). Every grid
/// point gets its rows even where a value is missing, and a missing value is an empty cell: R's
/// <c>read.csv</c> and pandas both read that as NA, and leaving the row in keeps the grid regular for
/// whoever pivots the table back to wide. Times are microsecond-exact seconds, values round-trip precise.
/// Rows are written as samples arrive and flushed every second of media time, so a crash loses little.
/// </summary>
public sealed class FeatureCsvWriter : IDisposable
{
    public const string Header = "time_s,participant,feature,value";

    private readonly TextWriter _writer;
    private readonly string[] _names;
    private readonly bool _leaveOpen;
    private MediaTime? _last;
    private MediaTime _lastFlush;

    /// <param name="writer">Where the table goes; the header is written at once.</param>
    /// <param name="featureNames">The names of the samples' values, in order (for body features <see cref="BodyFeatures.Names"/>).</param>
    /// <param name="leaveOpen">Leave <paramref name="writer"/> open on dispose.</param>
    public FeatureCsvWriter(TextWriter writer, IReadOnlyList<string> featureNames, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count == 0 || featureNames.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("Every feature needs a name, and there must be at least one.", nameof(featureNames));
        if (featureNames.Distinct(StringComparer.Ordinal).Count() != featureNames.Count)
            throw new ArgumentException("Feature names must be distinct.", nameof(featureNames));
        _writer = writer;
        _names = [.. featureNames.Select(CsvCells.Text)];
        _leaveOpen = leaveOpen;
        _writer.Write(Header + "\n");
    }

    /// <summary>The rows of one grid sample.</summary>
    public void Write(FeatureSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.A.Length != _names.Length || sample.B.Length != _names.Length)
            throw new ArgumentException($"The sample at {sample.Time} has {sample.A.Length} values for A and {sample.B.Length} for B, but the table has {_names.Length} features.", nameof(sample));
        if (_last is { } last && sample.Time <= last)
            throw new InvalidOperationException($"Grid samples must come in increasing media time; got {sample.Time} after {last}.");
        if (_last is null)
            _lastFlush = sample.Time;
        _last = sample.Time;

        var time = sample.Time.Seconds.ToString("0.000000", CultureInfo.InvariantCulture);
        foreach (var participant in (Participant[])[Participant.A, Participant.B])
        {
            var values = sample[participant];
            for (var f = 0; f < _names.Length; f++)
            {
                _writer.Write(time);
                _writer.Write(participant == Participant.A ? ",A," : ",B,");
                _writer.Write(_names[f]);
                _writer.Write(',');
                _writer.Write(CsvCells.Number(values[f]));
                _writer.Write('\n');
            }
        }

        if (sample.Time - _lastFlush >= TimeSpan.FromSeconds(1))
        {
            _writer.Flush();
            _lastFlush = sample.Time;
        }
    }

    public void Dispose()
    {
        _writer.Flush();
        if (!_leaveOpen)
            _writer.Dispose();
    }
}
