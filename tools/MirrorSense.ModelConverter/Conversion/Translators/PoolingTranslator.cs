using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// MAX_POOL_2D → MaxPool on NCHW. ONNX, like TFLite, never lets a padded cell win the max.
/// </summary>
public sealed class PoolingTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } = [TfliteBuiltinOperator.MaxPool2D];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var options = op.Options as Pool2DOptions ?? throw new InvalidDataException($"{op.Code} without pool options.");
        var input = context.Input(op.Inputs[0], TensorLayout.Nchw);
        var output = context.Define(op.Outputs[0], TensorLayout.Nchw);
        var pads = SamePadding.Pads(options.Padding, context.Shape(op.Inputs[0]), options.FilterHeight, options.FilterWidth, options.StrideH, options.StrideW);
        context.Graph.AddNode(
            "MaxPool",
            nodeName,
            [input],
            [FusedActivation.Target(options.Activation, output)],
            ConversionContext.Ints("kernel_shape", [options.FilterHeight, options.FilterWidth]),
            ConversionContext.Ints("strides", [options.StrideH, options.StrideW]),
            ConversionContext.Ints("pads", pads));
        FusedActivation.Apply(context, options.Activation, nodeName, output);
    }
}
