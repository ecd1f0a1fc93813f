using MirrorSense.ModelConverter.Conversion.Translators;
using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion;

/// <summary>
/// Converts a TFLite model to an ONNX model with the same input and output names, shapes and
/// (NHWC) layouts: inputs are transposed to NCHW where a consumer needs it and outputs back.
/// Operators are dispatched to one translator per family; anything unknown fails loudly.
/// </summary>
public sealed class TfliteToOnnxConverter
{
    /// <summary>ONNX opset targeted: 13 has Resize's coordinate modes, Clip with input bounds and Pad with input pads.</summary>
    public const int Opset = 13;

    private readonly IReadOnlyDictionary<TfliteBuiltinOperator, IOperatorTranslator> translators;

    public TfliteToOnnxConverter()
        : this(
        [
            new ConstantFoldingTranslator(), new ConvolutionTranslator(), new PoolingTranslator(),
            new ElementwiseTranslator(), new PadTranslator(), new ResizeTranslator(), new LayoutSensitiveTranslator(), new PreluTranslator(),
        ])
    {
    }

    public TfliteToOnnxConverter(IEnumerable<IOperatorTranslator> translators) =>
        this.translators = translators
            .SelectMany(translator => translator.Handles.Select(code => (code, translator)))
            .ToDictionary(pair => pair.code, pair => pair.translator);

    public OnnxModel Convert(TfliteModel model, string graphName, string docString = "")
    {
        var graph = model.Graph;
        var unsupported = graph.Operators.Select(op => op.Code).Where(code => !translators.ContainsKey(code)).Distinct().ToArray();
        if (unsupported.Length > 0)
        {
            throw new NotSupportedException($"Unsupported TFLite operators: {string.Join(", ", unsupported)}.");
        }

        var context = new ConversionContext(model);
        foreach (var input in graph.Inputs)
        {
            RequireFloat(context.Tensor(input));
            context.Define(input, TensorLayout.Nhwc);
        }

        for (var i = 0; i < graph.Operators.Count; i++)
        {
            var op = graph.Operators[i];
            translators[op.Code].Translate(op, $"op{i:D3}/{op.Code}", context);
        }

        // Asking for NHWC inserts the final transpose when the producer wrote NCHW.
        var outputs = graph.Outputs.Select(index => context.Input(index, TensorLayout.Nhwc)).ToArray();
        return new OnnxModel(
            new OnnxGraph(
                graphName,
                context.Graph.Nodes,
                context.Graph.Initializers,
                graph.Inputs.Select(index => ValueInfo(context, index)).ToArray(),
                graph.Outputs.Select(index => ValueInfo(context, index)).ToArray()),
            Opset,
            ProducerName: "MirrorSense.ModelConverter",
            ProducerVersion: "1",
            DocString: docString,
            Metadata: []);
    }

    private static OnnxValueInfo ValueInfo(ConversionContext context, int index)
    {
        var tensor = context.Tensor(index);
        RequireFloat(tensor);
        return new OnnxValueInfo(context.NameOf(index, TensorLayout.Nhwc), OnnxDataType.Float, tensor.Shape.Select(d => (long)d).ToArray());
    }

    private static void RequireFloat(TfliteTensor tensor)
    {
        if (tensor.Type != TfliteTensorType.Float32)
        {
            throw new NotSupportedException($"Graph input/output '{tensor.Name}' is {tensor.Type}; only float32 is supported.");
        }
    }
}
