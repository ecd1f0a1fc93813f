using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// Layout-agnostic element-wise operators (ADD, LOGISTIC): they run in whatever layout their inputs
/// already have, so no transposes are added between convolutions.
/// </summary>
public sealed class ElementwiseTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } =
        [TfliteBuiltinOperator.Add, TfliteBuiltinOperator.Logistic];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        var layout = CommonLayout(op.Inputs, context);
        var inputs = op.Inputs.Select(index => context.Input(index, layout)).ToArray();
        var output = context.Define(op.Outputs[0], layout);
        switch (op.Code)
        {
            case TfliteBuiltinOperator.Add:
                var activation = op.Options is AddOptions add ? add.Activation : TfliteActivation.None;
                context.Graph.AddNode("Add", nodeName, inputs, [FusedActivation.Target(activation, output)]);
                FusedActivation.Apply(context, activation, nodeName, output);
                break;
            case TfliteBuiltinOperator.Logistic:
                context.Graph.AddNode("Sigmoid", nodeName, inputs, [output]);
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
