using System.Collections.Immutable;
using System.Numerics;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features.Face;

/// <summary>
/// One frame of one person as OpenFace 2.x FeatureExtraction reports it, in its own units and axes: the camera's
/// coordinates with x to the picture's right, y down and z away from the camera; angles in radians.
/// </summary>
/// <param name="Time">The row's <c>timestamp</c>: media time in the video OpenFace read.</param>
/// <param name="Confidence">How sure the tracker is of its landmarks (0–1).</param>
/// <param name="Success">Whether OpenFace counted the frame as tracked.</param>
/// <param name="GazeAngleX"><c>gaze_angle_x</c>: both eyes' gaze, positive towards the picture's right.</param>
/// <param name="GazeAngleY"><c>gaze_angle_y</c>: positive looking down.</param>
/// <param name="PoseTx"><c>pose_Tx</c>: the head's place across the picture (mm from the camera's axis, to the right).</param>
/// <param name="PoseTy"><c>pose_Ty</c>: the head's height (mm, down).</param>
/// <param name="PoseRx"><c>pose_Rx</c>: pitch, positive with the head bowed.</param>
/// <param name="PoseRy"><c>pose_Ry</c>: yaw, positive with the head turned to the person's own right.</param>
/// <param name="PoseRz"><c>pose_Rz</c>: roll, positive turning the eye line clockwise in the picture.</param>
/// <param name="CheekRaiser"><c>AU06_r</c>, intensity 0–5.</param>
/// <param name="LipCornerPuller"><c>AU12_r</c>, intensity 0–5.</param>
/// <param name="EyeLandmarks">
/// Points 36–47 of the 68-point face (<c>x_36</c>…, <c>y_36</c>…, pixels): six for the person's right eye, then six
/// for the left, each going round its eye from one corner over the upper lid to the other corner and back under the
/// lower lid. Empty when the file has no landmarks.
/// </param>
public sealed record OpenFaceFrame(
    MediaTime Time,
    double Confidence,
    bool Success,
    double GazeAngleX,
    double GazeAngleY,
    double PoseTx,
    double PoseTy,
    double PoseRx,
    double PoseRy,
    double PoseRz,
    double CheekRaiser,
    double LipCornerPuller,
    ImmutableArray<Vector2> EyeLandmarks);
