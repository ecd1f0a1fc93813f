using MirrorSense.Core;

namespace MirrorSense.Sessions.OpenPose;

/// <summary>
/// One OpenPose JSON file: the frame's media time and the people in it, in the file's order, each as the 33 landmarks
/// of <see cref="Skeleton"/> in pixels (a landmark OpenPose did not find or does not have: visibility 0). No one has a
/// participant yet: OpenPose does not follow people from frame to frame.
/// </summary>
public sealed record OpenPoseFrame(MediaTime Time, IReadOnlyList<IReadOnlyList<PoseLandmark>> People);
