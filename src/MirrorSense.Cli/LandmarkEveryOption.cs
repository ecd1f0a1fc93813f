using System.CommandLine;
using System.Globalization;
using MirrorSense.Vision;

namespace MirrorSense.Cli;

/// <summary>
/// <c>--landmark-every N</c> of the offline commands (pose, analyze, batch): how often the pose landmark model runs
/// (<see cref="PoseOptions.LandmarkEvery"/>). Live has no such option: there a carried pose is a late one.
/// </summary>
internal static class LandmarkEveryOption
{
    public const string Name = "--landmark-every";

    public static Option<int> Create() => new(Name)
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"Run the pose landmark model on every N-th frame (1 = every frame, at most {PoseOptions.MaxLandmarkEvery}); the frames between are interpolated between the measured ones. Pixel motion and faces still use every frame. {PoseOptions.OfflineLandmarkEvery} measures {30 / PoseOptions.OfflineLandmarkEvery} times a second at 30 fps: posture changes over seconds."),
        HelpName = "N",
        DefaultValueFactory = _ => PoseOptions.OfflineLandmarkEvery,
    };

    /// <summary>The value given, when the landmark model can run that often.</summary>
    /// <exception cref="UsageException">Less than 1 or more than <see cref="PoseOptions.MaxLandmarkEvery"/>.</exception>
    public static int Checked(int every) => every is >= 1 and <= PoseOptions.MaxLandmarkEvery
        ? every
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture,
            $"{Name} must be from 1 (every frame) to {PoseOptions.MaxLandmarkEvery} (every {PoseOptions.MaxLandmarkEvery}th frame), not {every}."));
}
