namespace MirrorSense.ModelConverter.Conversion;

/// <summary>
/// Which axis order an ONNX value holds. TFLite computes in NHWC; ONNX's Conv, pools and Resize
/// want NCHW, so every rank-4 activation is tracked in the order it was produced and transposed
/// only where a consumer needs the other order.
/// </summary>
public enum TensorLayout
{
    /// <summary>TFLite's own order (for any rank): the tensor exactly as TFLite declares it.</summary>
    Nhwc,

    /// <summary>Rank-4 only: TFLite's [N,H,W,C] held as [N,C,H,W].</summary>
    Nchw,
}

public static class Layouts
{
    public static readonly int[] NhwcToNchw = [0, 3, 1, 2];
    public static readonly int[] NchwToNhwc = [0, 2, 3, 1];

    /// <summary>Where TFLite's NHWC axis lands in NCHW.</summary>
    public static int NchwAxisOf(int nhwcAxis) => nhwcAxis switch
    {
        0 => 0,
        1 => 2,
        2 => 3,
        3 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(nhwcAxis), nhwcAxis, "A rank-4 axis is 0..3."),
    };
}
