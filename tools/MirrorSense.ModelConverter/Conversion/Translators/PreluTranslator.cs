using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// PRELU (x ≥ 0 ? x : slope·x) → ONNX PRelu, in whatever layout the input already has so the
/// convolutions around it need no transposes. TFLite's slope is broadcast NHWC-style (the face mesh
/// has [1,1,C]); held as NCHW it becomes [1,C,1,1], which ONNX broadcasts the same way.
/// </summary>
public sealed class PreluTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } = [TfliteBuiltinOperator.Prelu];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var (input, slope) = (op.Inputs[0], op.Inputs[1]);
        // A run-time slope of lower rank cannot be transposed to NCHW, so only a constant one follows an NCHW input.
        var nchw = context.IsRank4(input)
            && context.LayoutOf(input) == TensorLayout.Nchw
            && context.IsConstant(slope)
            && context.Shape(slope).Count <= 4;
        var layout = nchw ? TensorLayout.Nchw : TensorLayout.Nhwc;
        var inputs = new[] { context.Input(input, layout), context.Input(slope, layout) };
        context.Graph.AddNode("PRelu", nodeName, inputs, [context.Define(op.Outputs[0], layout)]);
    }
}
