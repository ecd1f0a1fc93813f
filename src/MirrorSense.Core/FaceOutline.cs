using System.Collections.Immutable;

namespace MirrorSense.Core;

/// <summary>
/// The closed outlines of the 468-point face mesh worth drawing over a live picture: the face's edge, the lips' outer
/// edge and each eye's lids, each as the mesh indices met going round it (MediaPipe's face mesh topology). A few dozen
/// points show where the face is, how the mouth is drawn and whether the eyes are open without hiding the face.
/// </summary>
public static class FaceOutline
{
    public static ImmutableArray<int> Face { get; } =
        [10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109];

    public static ImmutableArray<int> Lips { get; } =
        [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185];

    public static ImmutableArray<int> RightEye { get; } =
        [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246];

    public static ImmutableArray<int> LeftEye { get; } =
        [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466];

    /// <summary>The outlines in drawing order.</summary>
    public static ImmutableArray<ImmutableArray<int>> All { get; } = [Face, Lips, RightEye, LeftEye];
}
