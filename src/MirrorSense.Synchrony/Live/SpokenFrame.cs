using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Live;

/// <summary>One prosody frame of one speaker, on the session's media clock.</summary>
public readonly record struct SpokenFrame(Participant Speaker, VoiceFrame Frame)
{
    public MediaTime Time => Frame.Time;
}
