using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// Operators whose meaning depends on axis order: RESHAPE (flattens in NHWC order, so its input is
/// brought back to NHWC), CONCATENATION (axis remapped when all inputs are rank-4 NCHW) and
/// DEPTH_TO_SPACE (TF's channel order equals ONNX's DCR mode).
/// </summary>
public sealed class LayoutSensitiveTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } =
        [TfliteBuiltinOperator.Reshape, TfliteBuiltinOperator.Concatenation, TfliteBuiltinOperator.DepthToSpace];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        switch (op.Code)
        {
            case TfliteBuiltinOperator.Reshape:
                Reshape(op, nodeName, context);
                break;
            case TfliteBuiltinOperator.Concatenation:
                Concatenate(op, nodeName, context);
                break;
            case TfliteBuiltinOperator.DepthToSpace:
                DepthToSpace(op, nodeName, context);
                break;
            default:
                throw new NotSupportedException($"{op.Code} is not handled here.");
        }
    }

    private static void Reshape(TfliteOperator op, string nodeName, ConversionContext context)
    {
        // The declared output shape is static in these models; it is what TFLite's new_shape/shape input resolve to.
        var input = context.Input(op.Inputs[0], TensorLayout.Nhwc);
        var output = context.Define(op.Outputs[0], TensorLayout.Nhwc);
        var shape = context.Graph.Int64s(
            ConversionContext.Intermediate(output, "shape"),
            context.Shape(op.Outputs[0]).Select(d => (long)d).ToArray());
        context.Graph.AddNode("Reshape", nodeName, [input, shape], [output]);
    }

    private static void Concatenate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var options = op.Options as ConcatenationOptions ?? new ConcatenationOptions(0, TfliteActivation.None);
        var rank = context.Shape(op.Outputs[0]).Count;
        var axis = options.Axis < 0 ? options.Axis + rank : options.Axis;
        var nchw = rank == 4 && op.Inputs.Any(index => !context.IsConstant(index) && context.LayoutOf(index) == TensorLayout.Nchw);
        var layout = nchw ? TensorLayout.Nchw : TensorLayout.Nhwc;
        var inputs = op.Inputs.Select(index => context.Input(index, layout)).ToArray();
        var output = context.Define(op.Outputs[0], layout);
        context.Graph.AddNode(
            "Concat",
            nodeName,
            inputs,
            [FusedActivation.Target(options.Activation, output)],
            new OnnxIntAttribute("axis", nchw ? Layouts.NchwAxisOf(axis) : axis));
        FusedActivation.Apply(context, options.Activation, nodeName, output);
    }

    private static void DepthToSpace(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var options = op.Options as DepthToSpaceOptions ?? throw new InvalidDataException("DEPTH_TO_SPACE without block size.");
        var input = context.Input(op.Inputs[0], TensorLayout.Nchw);
        var output = context.Define(op.Outputs[0], TensorLayout.Nchw);
        context.Graph.AddNode(
            "DepthToSpace",
            nodeName,
            [input],
            [output],
            new OnnxIntAttribute("blocksize", options.BlockSize),
            new OnnxStringAttribute("mode", "DCR"));
    }
}
