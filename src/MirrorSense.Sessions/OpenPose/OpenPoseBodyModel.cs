using MirrorSense.Core;

namespace MirrorSense.Sessions.OpenPose;

/// <summary>
/// An OpenPose body model MirrorSense reads (BODY_25 or COCO-18), told apart by the length of a person's
/// <c>pose_keypoints_2d</c>, with the landmark of the 33-point schema each keypoint becomes. Keypoints the schema has
/// no place for (BODY_25's Neck, MidHip and small toes; COCO's Neck) are left out; schema landmarks OpenPose does not
/// give (inner and outer eye corners, mouth, fingers) stay missing.
/// </summary>
public sealed record OpenPoseBodyModel(string Name, IReadOnlyList<int?> SchemaLandmarks)
{
    /// <summary>OpenPose's default model: the COCO points, a mid-hip point and six foot points (big toe → foot_index).</summary>
    public static OpenPoseBodyModel Body25 { get; } = new("BODY_25",
    [
        At("nose"), null, At("right_shoulder"), At("right_elbow"), At("right_wrist"), At("left_shoulder"), At("left_elbow"), At("left_wrist"),
        null, At("right_hip"), At("right_knee"), At("right_ankle"), At("left_hip"), At("left_knee"), At("left_ankle"),
        At("right_eye"), At("left_eye"), At("right_ear"), At("left_ear"),
        At("left_foot_index"), null, At("left_heel"), At("right_foot_index"), null, At("right_heel"),
    ]);

    /// <summary>The older 18-point COCO model.</summary>
    public static OpenPoseBodyModel Coco18 { get; } = new("COCO-18",
    [
        At("nose"), null, At("right_shoulder"), At("right_elbow"), At("right_wrist"), At("left_shoulder"), At("left_elbow"), At("left_wrist"),
        At("right_hip"), At("right_knee"), At("right_ankle"), At("left_hip"), At("left_knee"), At("left_ankle"),
        At("right_eye"), At("left_eye"), At("right_ear"), At("left_ear"),
    ]);

    /// <summary>How many numbers a person's <c>pose_keypoints_2d</c> holds in this model: x, y and confidence per keypoint.</summary>
    public int ValueCount => 3 * SchemaLandmarks.Count;

    /// <summary>The model whose arrays are <paramref name="values"/> long, or null for any other length.</summary>
    public static OpenPoseBodyModel? WithValueCount(int values) =>
        values == Body25.ValueCount ? Body25 : values == Coco18.ValueCount ? Coco18 : null;

    private static int At(string name) => Skeleton.IndexOf(name);
}
