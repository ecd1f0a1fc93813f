using MirrorSense.Core;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Vision;

/// <summary>Which BlazePose landmark model to run: lite is faster, full is steadier on hard poses.</summary>
public enum LandmarkModelKind
{
    Lite,
    Full,
}

/// <summary>Settings of a pose run, fixed when the estimator opens. Defaults follow MediaPipe's pose graph.</summary>
/// <param name="Model">Landmark model.</param>
/// <param name="MaxPeople">People tracked at once, 1 or 2 (two-camera mode uses 1 per camera).</param>
/// <param name="MinDetectionScore">Detector probability for a candidate person. Lower than MediaPipe's 0.5 because every
/// candidate must also pass <paramref name="MinPoseScore"/> on the landmark model before it is tracked: seated people in
/// dark clothes on dark backgrounds score 0.2–0.5 on the detector but near 1 on the landmark model.</param>
/// <param name="MinPoseScore">Landmark model's pose probability a new person needs (MediaPipe: 0.5).</param>
/// <param name="MinTrackingScore">Pose probability below which a tracked person is lost. Lower than the entry bar
/// (hysteresis): strong leans dip a tracked person to 0.4–0.5, while an empty region scores near 0.</param>
/// <param name="IntraOpNumThreads">ONNX Runtime threads per session.</param>
/// <param name="Swap">A = right, B = left instead of A = left.</param>
/// <param name="RedetectEveryFrames">While fewer than <paramref name="MaxPeople"/> are tracked (but some are), look for newcomers every this many frames; with no one tracked the detector runs every frame.</param>
/// <param name="ParallelPeople">Run the two people's landmark models side by side.</param>
/// <param name="IdentityMemory">How long a lost participant's last position is remembered, to give it back on return.</param>
/// <param name="ModelFolder">Folder with the ONNX models; null finds `models/` beside the program or above it.</param>
/// <param name="Only">Two-camera mode: the one person of this camera is always this participant (needs MaxPeople 1).</param>
/// <param name="LandmarkEvery">Run the detector and landmark model on every n-th frame only; the frames between carry the
/// last measured people (<see cref="PoseFrame.Measured"/> false), and offline <see cref="Tracking.PoseInterpolation"/>
/// places them between the measured frames. Pixel motion still gets every frame. Fewer measurements are noisier: on the
/// constructed dyads 1 in 3 follows a lean with r 0.005–0.012 lower and RMS 0.2–0.3° higher than every frame, and head
/// movements faster than about 1.5 Hz are no longer resolved, so every frame is the default.</param>
public sealed record PoseOptions(
    LandmarkModelKind Model = LandmarkModelKind.Lite,
    int MaxPeople = 2,
    float MinDetectionScore = 0.15f,
    float MinPoseScore = 0.5f,
    float MinTrackingScore = 0.25f,
    int IntraOpNumThreads = 1,
    bool Swap = false,
    int RedetectEveryFrames = 10,
    bool ParallelPeople = true,
    TimeSpan? IdentityMemory = null,
    string? ModelFolder = null,
    Participant? Only = null,
    int LandmarkEvery = 1)
{
    /// <summary>Beyond 1 in 10 (3 Hz at 30 fps) a nod or a quick lean falls between two measured frames.</summary>
    public const int MaxLandmarkEvery = 10;

    /// <summary>How long a lost participant's place is remembered when <see cref="IdentityMemory"/> is not given.</summary>
    public static readonly TimeSpan DefaultIdentityMemory = TimeSpan.FromSeconds(3);

    /// <summary><see cref="IdentityMemory"/>, or the default when not given.</summary>
    public TimeSpan IdentityMemoryOrDefault => IdentityMemory ?? DefaultIdentityMemory;

    public SmoothingOptions Smoothing { get; init; } = new();

    internal void Validate()
    {
        if (MaxPeople is < 1 or > 2)
            throw new ArgumentException($"MaxPeople must be 1 or 2, not {MaxPeople}.");
        if (Only is not null && MaxPeople != 1)
            throw new ArgumentException("One fixed participant per camera needs MaxPeople = 1.");
        if (IntraOpNumThreads < 1)
            throw new ArgumentException($"IntraOpNumThreads must be at least 1, not {IntraOpNumThreads}.");
        if (LandmarkEvery is < 1 or > MaxLandmarkEvery)
            throw new ArgumentException($"The landmark model must run on every frame (1) up to every {MaxLandmarkEvery}th, not every {LandmarkEvery}th.");
        if (RedetectEveryFrames < 1)
            throw new ArgumentException($"RedetectEveryFrames must be at least 1, not {RedetectEveryFrames}.");
        if (MinDetectionScore is <= 0 or >= 1 || MinPoseScore is <= 0 or >= 1 || MinTrackingScore is <= 0 or >= 1)
            throw new ArgumentException("Score thresholds must lie between 0 and 1.");
    }
}
