using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.OpenPose;
using MirrorSense.Sessions.Readers;
using MirrorSense.Synchrony.Features;
using MirrorSense.Vision;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Cli;

/// <summary>
/// <c>--openpose DIR</c>: OpenPose's keypoint files as the session's landmarks. Every file is read once before any
/// work, so a malformed one stops the analysis at the start, and the picture's width is taken from the keypoints
/// when not given; the analysis then reads them again frame by frame, giving each person A or B by position as the
/// pose stage does, and goes on exactly as for a pose.csv (no pictures: no pixel motion).
/// </summary>
/// <param name="FrameWidth">The picture's width in pixels, or null: halfway between the leftmost and the rightmost keypoint is taken as its middle.</param>
internal sealed record OpenPoseInput(string Folder, double FramesPerSecond, int? FrameWidth)
{
    /// <exception cref="SeriesFormatException">No keypoint files, or one that is not OpenPose's JSON, or coordinates that are not pixels.</exception>
    public (VideoInput.PoseTable Table, IReadOnlyList<string> Warnings) Open(PoseOptions pose)
    {
        var folder = OpenPoseFolder.Open(Folder, FramesPerSecond);
        var (left, right, farthest) = (float.PositiveInfinity, float.NegativeInfinity, 0f);
        long crowded = 0;
        foreach (var frame in folder.Frames())
        {
            if (frame.People.Count > 2)
                crowded++;
            foreach (var landmark in frame.People.SelectMany(p => p).Where(l => l.Visibility > 0))
            {
                (left, right) = (Math.Min(left, landmark.X), Math.Max(right, landmark.X));
                farthest = Math.Max(farthest, Math.Max(Math.Abs(landmark.X), Math.Abs(landmark.Y)));
            }
        }

        if (farthest is > 0 and <= 1)
            throw new SeriesFormatException(Folder, null, null, "expected keypoints in pixels but every one lies within [-1, 1]: OpenPose was run with a normalising --keypoint_scale; run it with its default (0, pixels of the source)");

        var width = FrameWidth ?? (right >= left ? left + right : 1f);
        var warnings = new List<string>
        {
            $"landmarks from OpenPose ({folder.FrameCount} frames at {FramesPerSecond.ToString(CultureInfo.InvariantCulture)} fps): it measures no depth, so {PostureDescriptor.LeanForward} is missing, not zero; without eye corners, mouth and fingers the head and arm motion come from the points it has.",
        };
        if (crowded > 0)
            warnings.Add($"{crowded} of {folder.FrameCount} OpenPose frames hold more than two people: in each the two largest were kept (A and B by position), the others left out.");
        var table = new VideoInput.PoseTable(Folder)
        {
            Frames = () =>
            {
                var identities = new PositionalIdentities(pose.Swap, width, pose.IdentityMemoryOrDefault);
                return folder.Frames().Select(frame => identities.Assign(frame.Time, frame.People));
            },
        };
        return (table, warnings);
    }
}
