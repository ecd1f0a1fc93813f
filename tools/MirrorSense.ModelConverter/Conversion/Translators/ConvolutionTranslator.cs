using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// CONV_2D and DEPTHWISE_CONV_2D → ONNX Conv on NCHW. Weights are folded into OIHW at conversion:
/// TFLite stores conv filters as [O,H,W,I] and depthwise filters as [1,H,W,C·M].
/// </summary>
public sealed class ConvolutionTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } =
        [TfliteBuiltinOperator.Conv2D, TfliteBuiltinOperator.DepthwiseConv2D];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var (padding, strideH, strideW, dilationH, dilationW, activation, depthwise) = op.Options switch
        {
            Conv2DOptions o => (o.Padding, o.StrideH, o.StrideW, o.DilationH, o.DilationW, o.Activation, false),
            DepthwiseConv2DOptions o => (o.Padding, o.StrideH, o.StrideW, o.DilationH, o.DilationW, o.Activation, true),
            _ => throw new InvalidDataException($"{op.Code} without convolution options."),
        };

        var inputShape = context.Shape(op.Inputs[0]);
        var filter = context.Constant(op.Inputs[1]);
        var (kernelH, kernelW) = (filter.Shape[1], filter.Shape[2]);
        var outputName = context.NameOf(op.Outputs[0], TensorLayout.Nchw);

        // Depthwise: [1,H,W,C·M] → [C·M,1,H,W], one group per input channel.
        var perm = depthwise ? new[] { 3, 0, 1, 2 } : Layouts.NhwcToNchw;
        var weightDims = perm.Select(axis => (long)filter.Shape[axis]).ToArray();
        var weights = context.Graph.Floats(
            $"{outputName}/weight", weightDims, TensorData.Transpose(filter.Values, filter.Shape, perm));
        var group = depthwise ? inputShape[3] : 1;

        List<string> inputs = [context.Input(op.Inputs[0], TensorLayout.Nchw), weights];
        if (op.Inputs.Count > 2 && op.Inputs[2] >= 0)
        {
            var bias = context.Constant(op.Inputs[2]);
            inputs.Add(context.Graph.Floats($"{outputName}/bias", [bias.Values.Length], bias.Values));
        }

        var output = context.Define(op.Outputs[0], TensorLayout.Nchw);
        context.Graph.AddNode(
            "Conv",
            nodeName,
            inputs,
            [FusedActivation.Target(activation, output)],
            ConversionContext.Ints("kernel_shape", [kernelH, kernelW]),
            ConversionContext.Ints("strides", [strideH, strideW]),
            ConversionContext.Ints("dilations", [dilationH, dilationW]),
            ConversionContext.Ints("pads", SamePadding.Pads(padding, inputShape, kernelH, kernelW, strideH, strideW, dilationH, dilationW)),
            new Onnx.OnnxIntAttribute("group", group));
        FusedActivation.Apply(context, activation, nodeName, output);
    }
}
