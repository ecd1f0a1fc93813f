using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>One prosody frame of one speaker, on the session's media clock.</summary>
public readonly record struct SpokenFrame(Participant Speaker, ProsodyFrame Frame)
{
    public MediaTime Time => Frame.Time;
}
