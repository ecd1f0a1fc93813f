using MirrorSense.Capture;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Vision;

namespace MirrorSense.Cli;

/// <summary>Where the session's pictures come from: one video showing both people, or one per person.</summary>
internal abstract record VideoInput
{
    public sealed record Shared(string Path) : VideoInput;

    public sealed record PerParticipant(string PathA, string PathB) : VideoInput;

    /// <summary>Landmarks already extracted (a pose.csv of an earlier run or a recording): the pose stage is skipped.</summary>
    /// <param name="CompleteLength">Read only this many bytes: the whole rows of a recording a crash cut off; null: all.</param>
    /// <param name="Pictures">The pixel motion and face features recorded live beside the landmarks, or null: then there are none (no pictures to measure them on).</param>
    /// <param name="OneCameraPerPerson">The table came from one camera per person: each frame holds one person, at that camera's times.</param>
    public sealed record PoseTable(string Path, long? CompleteLength = null, RecordedPictureFeatures? Pictures = null, bool OneCameraPerPerson = false) : VideoInput
    {
        /// <summary>Where the frames come from when not from a table at <see cref="Path"/> (another tool's keypoints, read into pose frames); null: the table.</summary>
        public Func<IEnumerable<PoseFrame>>? Frames { get; init; }
    }
}

/// <summary>Where each participant's voice comes from, or why there is none.</summary>
internal abstract record VoiceInput
{
    public sealed record Files(DyadAudio Audio, string DescriptionA, string DescriptionB) : VoiceInput;

    /// <summary>A recording's prosody.csv (no raw audio): pitch and intensity frames, but no syllables, so no speech rate.</summary>
    /// <param name="CompleteLength">Read only this many bytes: the whole rows of a recording a crash cut off.</param>
    public sealed record RecordedFrames(string Path, long CompleteLength) : VoiceInput;

    public sealed record None(string Reason) : VoiceInput;
}

/// <summary>Each person's face as OpenFace wrote it (one FeatureExtraction CSV each, read), and where its cameras stood.</summary>
internal sealed record OpenFaceInput(string PathA, string PathB, OpenFaceCameras Cameras, IReadOnlyList<OpenFaceFrame> FramesA, IReadOnlyList<OpenFaceFrame> FramesB);

/// <summary>Everything <c>mirrorsense analyze</c> was asked to do, checked and resolved.</summary>
/// <param name="Start">Analyse from this media time of the recordings (seconds; 0 = their start).</param>
/// <param name="End">Analyse up to this media time, or to the end when null.</param>
/// <param name="AudioOffsetSeconds">How late the audio runs behind the video: an audio event at t + offset belongs to video time t.</param>
internal sealed record AnalyzeRequest(
    VideoInput? Video,
    VoiceInput Voice,
    string Output,
    double Start,
    double? End,
    double AudioOffsetSeconds,
    PoseOptions Pose,
    CoordinationSettings Settings,
    IReadOnlyDictionary<string, string> InputNames)
{
    /// <summary>What reading the inputs found worth saying before any work (a recording cut short, a torn row skipped).</summary>
    public IReadOnlyList<string> InputWarnings { get; init; } = [];

    /// <summary>Also run the face stage and put each person's face features in features.csv (one video showing both people only).</summary>
    public bool Faces { get; init; }

    /// <summary>The faces from OpenFace instead of the face stage, or null.</summary>
    public OpenFaceInput? OpenFace { get; init; }

    public MediaTime StartTime => MediaTime.FromSeconds(Start);

    public bool Includes(MediaTime time) => time.Seconds >= Start && (End is not { } end || time.Seconds < end);
}
