using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// TFLite fuses an activation into many operators; ONNX needs it as its own node. The main node
/// writes to <see cref="Target"/> and <see cref="Apply"/> then writes the real output.
/// </summary>
public static class FusedActivation
{
    public static string Target(TfliteActivation activation, string output) =>
        activation == TfliteActivation.None ? output : ConversionContext.Intermediate(output, "pre_activation");

    public static void Apply(ConversionContext context, TfliteActivation activation, string nodeName, string output)
    {
        if (activation == TfliteActivation.None)
        {
            return;
        }

        var input = Target(activation, output);
        var graph = context.Graph;
        switch (activation)
        {
            case TfliteActivation.Relu:
                graph.AddNode("Relu", $"{nodeName}/relu", [input], [output]);
                break;
            case TfliteActivation.Relu6:
                // Since opset 11 Clip takes its bounds as inputs, not attributes.
                graph.AddNode("Clip", $"{nodeName}/relu6", [input, graph.Scalar(0f), graph.Scalar(6f)], [output]);
                break;
            case TfliteActivation.ReluN1To1:
                graph.AddNode("Clip", $"{nodeName}/relu_n1_to_1", [input, graph.Scalar(-1f), graph.Scalar(1f)], [output]);
                break;
            case TfliteActivation.Tanh:
                graph.AddNode("Tanh", $"{nodeName}/tanh", [input], [output]);
                break;
            default:
                throw new NotSupportedException($"Fused activation {activation} has no ONNX translation here.");
        }
    }
}
