using System.CommandLine;
using System.Globalization;

namespace MirrorSense.Cli;

/// <summary><c>--openpose DIR [--fps F] [--openpose-width W]</c> of <c>mirrorsense analyze</c>: OpenPose keypoint files instead of a video.</summary>
internal sealed class OpenPoseOptions
{
    public const double DefaultFramesPerSecond = 30;

    public Option<string?> Folder { get; } = new("--openpose")
    {
        Description = "Landmarks from OpenPose instead of a video: a folder of its --write_json files (*_keypoints.json, one per frame, BODY_25 or COCO-18, pixel coordinates), up to two people per frame (of more, the two largest, with a warning), A and B by position as for a video (A on the left, --swap reverses; identities kept from frame to frame). Keypoints OpenPose did not find (0, 0, 0) or is less than 0.1 sure of are missing, not zero. No pixels, so gesture synchrony uses landmark motion (motion_body), as for --pose; no depth, so lean_forward is missing.",
        HelpName = "DIR",
    };

    public Option<double?> FramesPerSecond { get; } = new("--fps")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"With --openpose: the frame rate of the video OpenPose read; frame n (the number in its file name) is at n / fps seconds. Default {DefaultFramesPerSecond}."),
        HelpName = "F",
    };

    public Option<int?> FrameWidth { get; } = new("--openpose-width")
    {
        Description = "With --openpose: the video's width in pixels, for placing a person who appears alone left or right of the middle (OpenPose's files do not record it). Default: halfway between the leftmost and rightmost keypoint in the folder is taken as the middle, which needs both people in some frames. The features do not depend on it (they are computed in pixels, as for a video).",
        HelpName = "PIXELS",
    };

    public IEnumerable<Option> All => [Folder, FramesPerSecond, FrameWidth];

    /// <summary>The keypoints asked for, or null without <c>--openpose</c>.</summary>
    /// <exception cref="UsageException">A frame rate or width that cannot be, or either without <c>--openpose</c>.</exception>
    public OpenPoseInput? Parse(ParseResult parse)
    {
        var (folder, fps, width) = (parse.GetValue(Folder), parse.GetValue(FramesPerSecond), parse.GetValue(FrameWidth));
        if (folder is null)
        {
            return fps is null && width is null
                ? null
                : throw new UsageException("--fps and --openpose-width describe OpenPose's keypoint files: give them with --openpose DIR.");
        }

        if (fps is { } f && !(f > 0 && double.IsFinite(f)))
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--fps must be a positive number of frames per second, not {f}."));
        if (width is <= 0)
            throw new UsageException($"--openpose-width must be a positive number of pixels, not {width}.");
        return new OpenPoseInput(folder, fps ?? DefaultFramesPerSecond, width);
    }
}
