using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Synchrony;

namespace MirrorSense.Sessions.Recording;

/// <summary>
/// A recording's <c>coordination.csv</c>, the live readings as they were shown: <c>time_s,measure,value,confidence,leader,lag_s</c>,
/// one row per channel (posture, gesture, tone, tempo) per update. <c>value</c> is the 0–100 index (50 = chance
/// alignment), <c>leader</c> A, B or empty, <c>lag_s</c> positive when B follows A; a missing number is an empty cell.
/// </summary>
public sealed class CoordinationUpdateCsvWriter
{
    public const string Header = "time_s,measure,value,confidence,leader,lag_s";

    private readonly TextWriter _writer;

    /// <param name="writer">Where the table goes; the header is written at once. The caller owns and flushes it.</param>
    public CoordinationUpdateCsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _writer.Write(Header + "\n");
    }

    public void Write(CoordinationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var time = update.Time.Seconds.ToString("0.000000", CultureInfo.InvariantCulture);
        foreach (var channel in update.Channels)
        {
            _writer.Write(time);
            _writer.Write(',');
            _writer.Write(MeasureName(channel.Channel));
            _writer.Write(',');
            _writer.Write(CsvCells.Number(channel.Index));
            _writer.Write(',');
            _writer.Write(CsvCells.Number(channel.Confidence));
            _writer.Write(channel.Leader switch { Participant.A => ",A,", Participant.B => ",B,", _ => ",," });
            _writer.Write(CsvCells.Number(channel.LagSeconds));
            _writer.Write('\n');
        }
    }

    public static string MeasureName(LiveChannel channel) => channel switch
    {
        LiveChannel.Posture => "posture",
        LiveChannel.Gesture => "gesture",
        LiveChannel.Tone => "tone",
        LiveChannel.Tempo => "tempo",
        LiveChannel.Smiles => "smiles",
        LiveChannel.Volume => "volume",
        LiveChannel.Inflection => "inflection",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a live channel."),
    };
}
