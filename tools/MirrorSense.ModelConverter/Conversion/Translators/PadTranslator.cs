using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>PAD (zeros) → ONNX Pad; TFLite's [rank,2] (before, after) pairs become ONNX's [all befores, all afters] in the input's layout.</summary>
public sealed class PadTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } = [TfliteBuiltinOperator.Pad];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var rank = context.Shape(op.Inputs[0]).Count;
        var paddings = context.Int32Constant(op.Inputs[1]);
        var layout = rank == 4 ? TensorLayout.Nchw : TensorLayout.Nhwc;
        var order = layout == TensorLayout.Nchw ? Layouts.NhwcToNchw : Enumerable.Range(0, rank).ToArray();
        var pads = order.Select(axis => (long)paddings[2 * axis])
            .Concat(order.Select(axis => (long)paddings[2 * axis + 1]))
            .ToArray();
        var input = context.Input(op.Inputs[0], layout);
        var output = context.Define(op.Outputs[0], layout);
        var padsName = context.Graph.Int64s(ConversionContext.Intermediate(output, "pads"), pads);
        context.Graph.AddNode("Pad", nodeName, [input, padsName], [output], new Onnx.OnnxStringAttribute("mode", "constant"));
    }
}
