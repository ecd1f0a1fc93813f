using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>Who spoke when, as the live voices heard it.</summary>
internal interface ISpeechTimeline
{
    bool SpokeAt(Participant speaker, MediaTime time);

    double SecondsSpoken(Participant speaker, MediaTime from, MediaTime to);
}
