using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Synchrony;

namespace MirrorSense.Sessions.Recording;

/// <summary>
/// A recording's <c>coordination.csv</c>, the live readings as they were shown: <c>time_s,measure,value,confidence,leader,lag_s</c>,
/// one row per channel (posture, gesture, tone, tempo, smiles, volume, inflection) per update. <c>value</c> is the 0–100
/// index (50 = chance alignment), <c>leader</c> A, B or empty, <c>lag_s</c> positive when B follows A; a missing number
/// is an empty cell. With faces, the Attention panel's reading too, per person: <c>looking_a</c>/<c>looking_b</c>, the
/// per cent of the read time of the last two minutes the person looked towards the partner (confidence: the share of
/// those minutes their face was read), and <c>nods_a</c>/<c>nods_b</c>, their nods per minute while the partner spoke
/// (confidence: the share of those minutes the partner spoke; empty under 10 s of it).
/// </summary>
public sealed class CoordinationUpdateCsvWriter
{
    public const string Header = "time_s,measure,value,confidence,leader,lag_s";

    /// <summary>Nods per minute over a few seconds of listening would be mostly noise; the panel counts them, the table waits.</summary>
    private const double ShortestListeningSeconds = 10;

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
            Row(time, MeasureName(channel.Channel), channel.Index, channel.Confidence, channel.Leader, channel.LagSeconds);
        if (update.Attention is not { } attention)
            return;
        foreach (var who in new[] { Participant.A, Participant.B })
        {
            var person = who == Participant.A ? "a" : "b";
            var span = attention.Span.TotalSeconds;
            var listening = attention.ListeningSeconds(who);
            Row(time, "looking_" + person, 100 * attention.LookingShare(who), who == Participant.A ? attention.ReadShareA : attention.ReadShareB, null, double.NaN);
            Row(time, "nods_" + person, listening < ShortestListeningSeconds ? double.NaN : attention.NodsWhileListening(who) / (listening / 60), listening / span, null, double.NaN);
        }
    }

    private void Row(string time, string measure, double value, double confidence, Participant? leader, double lagSeconds)
    {
        _writer.Write(time);
        _writer.Write(',');
        _writer.Write(measure);
        _writer.Write(',');
        _writer.Write(CsvCells.Number(value));
        _writer.Write(',');
        _writer.Write(CsvCells.Number(confidence));
        _writer.Write(leader switch { Participant.A => ",A,", Participant.B => ",B,", _ => ",," });
        _writer.Write(CsvCells.Number(lagSeconds));
        _writer.Write('\n');
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
