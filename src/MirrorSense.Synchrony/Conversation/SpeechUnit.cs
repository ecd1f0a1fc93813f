using MirrorSense.Core;

namespace MirrorSense.Synchrony.Conversation;

/// <summary>
/// One inter-pausal unit of one speaker with one feature measured over it (mean pitch in semitones,
/// mean intensity, speech rate...); NaN when the feature is undefined there (e.g. no voiced frame).
/// </summary>
public readonly record struct SpeechUnit(Participant Speaker, MediaTime Start, MediaTime End, double Value);
