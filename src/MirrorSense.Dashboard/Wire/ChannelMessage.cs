using MirrorSense.Core;

namespace MirrorSense.Dashboard.Wire;

/// <summary>One meter's reading on the wire (see <see cref="ChannelReading"/>); no reading is null, never a number.</summary>
internal sealed record ChannelMessage(
    string Channel,
    double? Index,
    double? Confidence,
    double? Value,
    double? LagS,
    string? Leader,
    string State)
{
    public static ChannelMessage From(ChannelReading reading) => new(
        WireValues.Name(reading.Channel),
        WireValues.Finite(reading.Index),
        WireValues.Finite(reading.Confidence),
        WireValues.Finite(reading.Value),
        WireValues.Finite(reading.LagSeconds),
        reading.Leader?.ToString(),
        WireValues.Name(reading.State));
}
