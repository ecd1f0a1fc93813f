using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// RESIZE_BILINEAR → ONNX Resize (linear) on NCHW with the output size given explicitly.
/// TFLite's flags pick the sampling grid: align_corners maps corner to corner, half_pixel_centers
/// samples at pixel centres (ONNX half_pixel), neither is TF's legacy asymmetric grid.
/// </summary>
public sealed class ResizeTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } = [TfliteBuiltinOperator.ResizeBilinear];

    public static string CoordinateMode(ResizeBilinearOptions options) => options switch
    {
        { AlignCorners: true } => "align_corners",
        { HalfPixelCenters: true } => "half_pixel",
        _ => "asymmetric",
    };

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var options = op.Options as ResizeBilinearOptions ?? new ResizeBilinearOptions(false, false);
        var outputShape = context.Shape(op.Outputs[0]);
        var input = context.Input(op.Inputs[0], TensorLayout.Nchw);
        var output = context.Define(op.Outputs[0], TensorLayout.Nchw);
        var sizes = context.Graph.Int64s(
            ConversionContext.Intermediate(output, "sizes"),
            Layouts.NhwcToNchw.Select(axis => (long)outputShape[axis]).ToArray());
        context.Graph.AddNode(
            "Resize",
            nodeName,
            [input, "", "", sizes],
            [output],
            new OnnxStringAttribute("mode", "linear"),
            new OnnxStringAttribute("coordinate_transformation_mode", CoordinateMode(options)));
    }
}
