using MirrorSense.Capture;
using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Cli;

/// <summary>One participant's voice analysed for a session: the frames in the session's span on video time, and the units, all the speaker's.</summary>
internal sealed record VoiceSideResult(Participant Speaker, IReadOnlyList<ProsodyFrame> Frames, IReadOnlyList<SpeechUnit> Units, TimeSpan RecordingDuration, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// False when the units were cut from frames alone (no audio, so no syllables): their rate is unknown, not zero.
    /// Their rows in units.csv keep the zero count they have always shown; only the measures are told nothing was counted.
    /// </summary>
    public bool HasSpeechRate { get; init; } = true;

    /// <summary>The units as the measures and units.TextGrid take them: without a syllable count where none was made.</summary>
    public IReadOnlyList<SpeechUnit> MeasuredUnits => HasSpeechRate ? Units : [.. Units.Select(u => u with { Syllables = null })];

    /// <summary>The record the coordination measures read: f0 per frame and, per unit, its mean pitch on the common semitone scale and its rate.</summary>
    public SpeakerVoice ToSpeakerVoice() => SpeakerVoice.FromFrames(Speaker, [.. Frames], MeasuredUnits);
}

/// <summary>Runs the voice pass for one participant of a session and puts its frames and units on the video's clock.</summary>
internal static class VoiceSide
{
    public static VoiceSideResult Run(AnalyzeRequest request, VoiceInput.Files voice, Participant speaker, IProgress<double>? progress, CancellationToken cancellation)
    {
        var offset = TimeSpan.FromSeconds(request.AudioOffsetSeconds);
        var name = speaker == Participant.A ? voice.DescriptionA : voice.DescriptionB;
        var frames = new List<ProsodyFrame>();
        VoicePassResult result;
        try
        {
            result = VoicePass.Run(() => voice.Audio.Open(speaker), name, new PitchOptions(), units: true,
                frame =>
                {
                    var onVideoClock = frame with { Time = frame.Time - offset };
                    if (request.Includes(onVideoClock.Time))
                        frames.Add(onVideoClock);
                },
            progress, cancellation);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the user: the frames so far are kept; units need the whole recording and are left out.
            return new VoiceSideResult(speaker, frames, [], TimeSpan.Zero, [$"{name}: stopped after {frames.Count} frames; no units."]);
        }

        var units = result.Units!
            .Select(u => u with { Speaker = speaker, Start = u.Start - offset, End = u.End - offset })
            .Where(u => request.Includes(u.Start) && request.Includes(u.End))
            .ToList();
        return new VoiceSideResult(speaker, frames, units, result.Duration, result.Warnings);
    }
}
