using MirrorSense.Core;

namespace MirrorSense.Dashboard.Wire;

/// <summary>The Attention panel's data on the wire (see <see cref="AttentionReading"/>); a share not known is null.</summary>
internal sealed record AttentionMessage(
    double SpanS,
    double? LookingShareA,
    double? LookingShareB,
    bool? LookingA,
    bool? LookingB,
    int NodsWhileListeningA,
    int NodsWhileListeningB,
    double ListeningSecondsA,
    double ListeningSecondsB,
    double ReadShareA,
    double ReadShareB)
{
    public static AttentionMessage From(AttentionReading a) => new(
        a.Span.TotalSeconds,
        WireValues.Finite(a.LookingShareA),
        WireValues.Finite(a.LookingShareB),
        a.LookingA,
        a.LookingB,
        a.NodsWhileListeningA,
        a.NodsWhileListeningB,
        a.ListeningSecondsA,
        a.ListeningSecondsB,
        a.ReadShareA,
        a.ReadShareB);
}
