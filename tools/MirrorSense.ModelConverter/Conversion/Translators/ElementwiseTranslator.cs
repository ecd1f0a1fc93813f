using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// Layout-agnostic element-wise operators (ADD, MUL, LOGISTIC, RELU, RELU6, TANH): they run in whatever
/// layout their inputs already have, so no transposes are added between convolutions.
/// </summary>
public sealed class ElementwiseTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } =
    [
        TfliteBuiltinOperator.Add, TfliteBuiltinOperator.Mul, TfliteBuiltinOperator.Logistic,
        TfliteBuiltinOperator.Relu, TfliteBuiltinOperator.Relu6, TfliteBuiltinOperator.ReluN1To1, TfliteBuiltinOperator.Tanh,
    ];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var layout = CommonLayout(op.Inputs, context);
        var inputs = op.Inputs.Select(index => context.Input(index, layout)).ToArray();
        var output = context.Define(op.Outputs[0], layout);
        switch (op.Code)
        {
            case TfliteBuiltinOperator.Add or TfliteBuiltinOperator.Mul:
                var activation = op.Options is AddOptions add ? add.Activation : TfliteActivation.None;
                context.Graph.AddNode(op.Code == TfliteBuiltinOperator.Add ? "Add" : "Mul", nodeName, inputs, [FusedActivation.Target(activation, output)]);
                FusedActivation.Apply(context, activation, nodeName, output);
                break;
            case TfliteBuiltinOperator.Logistic:
                context.Graph.AddNode("Sigmoid", nodeName, inputs, [output]);
                break;
            case TfliteBuiltinOperator.Tanh:
                context.Graph.AddNode("Tanh", nodeName, inputs, [output]);
                break;
            case TfliteBuiltinOperator.Relu:
                context.Graph.AddNode("Relu", nodeName, inputs, [output]);
                break;
            case TfliteBuiltinOperator.Relu6:
                context.Graph.AddNode("Clip", nodeName, [inputs[0], context.Graph.Scalar(0f), context.Graph.Scalar(6f)], [output]);
                break;
            case TfliteBuiltinOperator.ReluN1To1:
                context.Graph.AddNode("Clip", nodeName, [inputs[0], context.Graph.Scalar(-1f), context.Graph.Scalar(1f)], [output]);
                break;
            default:
                throw new NotSupportedException($"{op.Code} is not element-wise.");
        }
    }

    /// <summary>
    /// NCHW when every computed input is rank 4 and at least one is already held as NCHW (constants
    /// follow, broadcast as rank 4); otherwise TFLite's own layout, which broadcasts exactly as TFLite does.
    /// </summary>
    private static TensorLayout CommonLayout(IReadOnlyList<int> inputs, ConversionContext context)
    {
        var computed = inputs.Where(index => !context.IsConstant(index)).ToArray();
        var allNchw = computed.Length > 0
            && computed.All(context.IsRank4)
            && computed.Any(index => context.LayoutOf(index) == TensorLayout.Nchw)
            && inputs.Where(context.IsConstant).All(index => context.Shape(index).Count <= 4);
        return allNchw ? TensorLayout.Nchw : TensorLayout.Nhwc;
    }
}
