using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// TFLite SAME padding: output = ceil(input / stride), and when the total padding is odd the extra
/// row/column goes at the bottom/right. ONNX's auto_pad SAME_UPPER agrees, but explicit pads keep
/// the model readable by every runtime and let tests check the numbers.
/// </summary>
public static class SamePadding
{
    /// <summary>ONNX pads [top, left, bottom, right] for a 2-D window over an NHWC input shape.</summary>
    public static int[] Pads(TflitePadding padding, IReadOnlyList<int> nhwcInput, int kernelH, int kernelW, int strideH, int strideW, int dilationH = 1, int dilationW = 1)
    {
        if (padding == TflitePadding.Valid)
        {
            return [0, 0, 0, 0];
        }

        var (top, bottom) = Split(nhwcInput[1], kernelH, strideH, dilationH);
        var (left, right) = Split(nhwcInput[2], kernelW, strideW, dilationW);
        return [top, left, bottom, right];
    }

    public static (int Begin, int End) Split(int input, int kernel, int stride, int dilation)
    {
        var output = (input + stride - 1) / stride;
        var effectiveKernel = (kernel - 1) * dilation + 1;
        var total = Math.Max((output - 1) * stride + effectiveKernel - input, 0);
        return (total / 2, total - total / 2);
    }
}
