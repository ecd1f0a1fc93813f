using MirrorSense.Core;

namespace MirrorSense.Sessions.Recording;

/// <summary>What a raw media file of a recording holds.</summary>
public enum RawMediaKind
{
    /// <summary>One participant's microphone (WAV).</summary>
    Audio,

    /// <summary>A camera (MJPG in AVI); <see cref="RawMediaFile.Participant"/> is null when one camera shows both people.</summary>
    Video,
}

/// <summary>A raw media file written beside the tables, only when it was asked for (<c>--raw-media</c>).</summary>
/// <param name="File">Its name inside the session folder.</param>
/// <param name="StartSeconds">Media time of its first sample or frame: where the file's own time 0 sits on the session's clock.</param>
public sealed record RawMediaFile(string File, RawMediaKind Kind, Participant? Participant, double StartSeconds = 0)
{
    /// <summary>A participant's microphone: <c>voice_a.wav</c> or <c>voice_b.wav</c>.</summary>
    public static RawMediaFile Microphone(Participant participant, double startSeconds = 0) =>
        new($"voice_{participant.ToString().ToLowerInvariant()}.wav", RawMediaKind.Audio, participant, startSeconds);

    /// <summary>A camera: <c>video.avi</c> when it shows both people (null), else <c>video_a.avi</c> or <c>video_b.avi</c>.</summary>
    public static RawMediaFile Camera(Participant? participant, double startSeconds = 0) =>
        new(participant is { } who ? $"video_{who.ToString().ToLowerInvariant()}.avi" : "video.avi", RawMediaKind.Video, participant, startSeconds);
}

/// <summary>
/// <c>manifest.json</c> of a recorded session: what was recorded, with what, and whether it ended cleanly. Written when
/// the recording starts (<see cref="Complete"/> false) and again at a clean stop, so a folder left by a crash says so.
/// </summary>
/// <param name="ToolVersion">The version of MirrorSense that recorded it.</param>
/// <param name="StartedUtc">Wall-clock start, for people; alignment uses media time only.</param>
/// <param name="Inputs">The devices or files by role (camera, microphone_a, …), as described to the user.</param>
/// <param name="Settings">The live settings that shaped the tables (grid rate, model, …), as text.</param>
/// <param name="GridOrigin">Media time of the feature grid's first point: re-analysis starts its grid there too.</param>
/// <param name="FeatureNames">The feature names of <c>features.csv</c>, in the order of the samples' values.</param>
public sealed record RecordingManifest(
    string ToolVersion,
    DateTimeOffset StartedUtc,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Settings,
    MediaTime GridOrigin,
    IReadOnlyList<string> FeatureNames)
{
    /// <summary>The layout this code writes; a reader refuses newer ones rather than misreading them.</summary>
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Raw media the recorder's owner writes beside the tables; empty unless raw media was asked for.</summary>
    public IReadOnlyList<RawMediaFile> RawMedia { get; init; } = [];

    /// <summary>Every file of the session (tables and raw media), by name inside the folder.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>True only after a clean stop; false in a folder left by a crash or a kill.</summary>
    public bool Complete { get; init; }

    public DateTimeOffset? EndedUtc { get; init; }

    /// <summary>True when the session had one camera per person: pose.csv then holds each camera's frames at its own times, one person each.</summary>
    public bool OneCameraPerPerson => Inputs.ContainsKey(CameraRole(Participant.A)) && Inputs.ContainsKey(CameraRole(Participant.B));

    /// <summary>The role under <see cref="Inputs"/> of the camera showing <paramref name="shows"/> (null: the one camera showing both).</summary>
    public static string CameraRole(Participant? shows) => shows is { } who ? "camera_" + who.ToString().ToLowerInvariant() : "camera";
}
