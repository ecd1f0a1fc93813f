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
    private readonly FeatureSchema _schema;
    private readonly string[] _names;
    private readonly bool _leaveOpen;
    private MediaTime? _last;
    private MediaTime _lastFlush;

    /// <param name="writer">Where the table goes; the header is written at once.</param>
    /// <param name="schema">The features of the samples to be written (for body features <see cref="BodyFeatures.Schema"/>).</param>
    /// <param name="leaveOpen">Leave <paramref name="writer"/> open on dispose.</param>
    public FeatureCsvWriter(TextWriter writer, FeatureSchema schema, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Count == 0)
            throw new ArgumentException("A feature table needs at least one feature.", nameof(schema));
        _writer = writer;
        _schema = schema;
        _names = [.. schema.Names.Select(CsvCells.Text)];
        _leaveOpen = leaveOpen;
        _writer.Write(Header + "\n");
    }

    /// <summary>The rows of one grid sample.</summary>
    public void Write(FeatureSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!sample.Schema.Equals(_schema))
            throw new ArgumentException($"The sample at {sample.Time} has the features {sample.Schema}, but the table has {_schema}.", nameof(sample));
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
