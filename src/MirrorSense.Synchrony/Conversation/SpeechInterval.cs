using MirrorSense.Core;

namespace MirrorSense.Synchrony.Conversation;

/// <summary>A stretch of speech by one participant (an inter-pausal unit), on the media clock.</summary>
public readonly record struct SpeechInterval(Participant Speaker, MediaTime Start, MediaTime End)
{
    public TimeSpan Duration => End - Start;
}
