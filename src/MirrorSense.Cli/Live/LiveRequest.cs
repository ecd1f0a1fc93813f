using MirrorSense.Synchrony.Live;
using MirrorSense.Vision;

namespace MirrorSense.Cli.Live;

/// <summary>Everything <c>mirrorsense live</c> was asked to do, checked.</summary>
/// <param name="Cameras">None (voices only), one camera showing both people, or one camera per person (A's first).</param>
/// <param name="Microphones">The microphones and which participant each channel carries.</param>
/// <param name="Record">Folder to record the session into; null records into a fresh folder under live-sessions/.</param>
/// <param name="Duration">Stop after this long; null runs until Ctrl+C (or the page's end, or every source has ended).</param>
internal sealed record LiveRequest(
    IReadOnlyList<CameraInput> Cameras,
    IReadOnlyList<MicrophoneInput> Microphones,
    string Record,
    bool RawMedia,
    string Bind,
    int Port,
    bool Terminal,
    bool OpenBrowser,
    TimeSpan? Duration,
    PoseOptions Pose,
    LiveCoordinationOptions Engine,
    CoachingOptions Coaching)
{
    /// <summary>Whether each person's face is read too (one camera showing both people).</summary>
    public bool Faces { get; init; }
}
