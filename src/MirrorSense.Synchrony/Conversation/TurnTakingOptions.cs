namespace MirrorSense.Synchrony.Conversation;

/// <summary>Thresholds of turn-taking analysis, with their documented defaults.</summary>
/// <param name="BackchannelMaximumSeconds">
/// An overlap shorter than this by someone who then falls silent while the other keeps talking is a
/// backchannel ("mm-hm"), not a bid for the floor (MEASURES.md §3: under ~1 s).
/// </param>
public sealed record TurnTakingOptions(double BackchannelMaximumSeconds = 1.0);
