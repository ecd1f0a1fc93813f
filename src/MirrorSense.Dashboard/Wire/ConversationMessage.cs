using MirrorSense.Core;

namespace MirrorSense.Dashboard.Wire;

/// <summary>The turn-taking panel's data on the wire (see <see cref="ConversationReading"/>).</summary>
internal sealed record ConversationMessage(
    bool SpeakingA,
    bool SpeakingB,
    double? TalkShareA,
    double LongestMonologueS,
    string? LongestMonologueBy,
    int InterruptionsA,
    int InterruptionsB,
    int BackchannelsA,
    int BackchannelsB)
{
    public static ConversationMessage From(ConversationReading c) => new(
        c.SpeakingA,
        c.SpeakingB,
        WireValues.Finite(c.TalkShareA),
        c.LongestMonologue.TotalSeconds,
        c.LongestMonologueBy?.ToString(),
        c.InterruptionsA,
        c.InterruptionsB,
        c.BackchannelsA,
        c.BackchannelsB);
}
