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

    /// <summary>
    /// Every frame. Every second frame is about 1.7 times as fast and follows a lean as closely (ConstructedDyadTests),
    /// but misses more nods, which last only a few frames (ConstructedNodTests: 19 of 43 found against 23).
    /// </summary>
    public const int Default = 1;

    public static Option<int> Create() => new(Name)
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"Run the pose landmark model on every N-th frame (1 = every frame, at most {PoseOptions.MaxLandmarkEvery}; default {Default}); the frames between are interpolated between the measured ones, and faces follow the same frames; pixel motion still uses every frame. 2 runs the pose stage about 1.7 times as fast and follows a lean as closely, but misses more nods (constructed nods: 19 of 43 found against 23 on every frame); 3 is faster again, follows a lean less closely and misses head movements faster than about 1.5 Hz."),
        HelpName = "N",
        DefaultValueFactory = _ => Default,
    };

    /// <summary>The value given, when the landmark model can run that often.</summary>
    /// <exception cref="UsageException">Less than 1 or more than <see cref="PoseOptions.MaxLandmarkEvery"/>.</exception>
    public static int Checked(int every) => every is >= 1 and <= PoseOptions.MaxLandmarkEvery
        ? every
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture,
            $"{Name} must be from 1 (every frame) to {PoseOptions.MaxLandmarkEvery} (every {PoseOptions.MaxLandmarkEvery}th frame), not {every}."));
}
