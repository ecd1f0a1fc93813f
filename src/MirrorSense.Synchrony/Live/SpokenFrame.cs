using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Live;

/// <summary>One prosody frame of one speaker, on the session's media clock.</summary>
public readonly record struct SpokenFrame(Participant Speaker, VoiceFrame Frame)
{
    public MediaTime Time => Frame.Time;
}

/// <summary>One finished inter-pausal unit of one speaker (with its speech rate), on the session's media clock.</summary>
public readonly record struct SpokenUnit(Participant Speaker, VoiceUnit Unit)
{
    public MediaTime Time => Unit.End;
}
