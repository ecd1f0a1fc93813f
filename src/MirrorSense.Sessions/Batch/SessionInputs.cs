namespace MirrorSense.Sessions.Batch;

/// <summary>
/// The inputs of one session as the user gave them, before any file is opened: videos or a pose table, voices,
/// and the stretch to analyse. Null means not given; paths are as written, or already made absolute by a manifest.
/// </summary>
/// <param name="Start">Analyse from this media time (seconds).</param>
/// <param name="End">Analyse up to this media time, or to the end when null.</param>
/// <param name="AvOffset">How many seconds the audio runs late against the video (negative: early).</param>
/// <param name="Swap">In one picture of both people (a video, a pose table, OpenPose keypoints), A is the person on the viewer's right.</param>
public sealed record SessionInputs(
    string? Video = null,
    string? VideoA = null,
    string? VideoB = null,
    string? Pose = null,
    string? Audio = null,
    string? AudioA = null,
    string? AudioB = null,
    bool NoAudio = false,
    double Start = 0,
    double? End = null,
    double AvOffset = 0,
    bool Swap = false);
