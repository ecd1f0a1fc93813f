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

    /// <summary>
    /// Converts <paramref name="model"/>; with <paramref name="keepOutputs"/> only those graph outputs (TFLite tensor
    /// names) are kept, with just the nodes and constants they depend on.
    /// </summary>
    public OnnxModel Convert(TfliteModel model, string graphName, string docString = "", IReadOnlyCollection<string>? keepOutputs = null)
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

        var kept = graph.Outputs.Where(index => keepOutputs is null || keepOutputs.Contains(context.Tensor(index).Name)).ToArray();
        var missing = keepOutputs?.Where(name => !kept.Any(index => context.Tensor(index).Name == name)).ToArray() ?? [];
        if (missing.Length > 0)
            throw new ArgumentException($"The model has no output {string.Join(", ", missing)}; its outputs are {string.Join(", ", graph.Outputs.Select(index => context.Tensor(index).Name))}.", nameof(keepOutputs));

        // Asking for NHWC inserts the final transpose when the producer wrote NCHW.
        var outputs = kept.Select(index => context.Input(index, TensorLayout.Nhwc)).ToArray();
        var (nodes, initializers) = NeededFor(outputs, context.Graph);
        return new OnnxModel(
            new OnnxGraph(
                graphName,
                nodes,
                initializers,
                graph.Inputs.Select(index => ValueInfo(context, index)).ToArray(),
                kept.Select(index => ValueInfo(context, index)).ToArray()),
            Opset,
            ProducerName: "MirrorSense.ModelConverter",
            ProducerVersion: "1",
            DocString: docString,
            Metadata: []);
    }

    /// <summary>The nodes (in their order) and constants that the named values depend on.</summary>
    private static (IReadOnlyList<OnnxNode> Nodes, IReadOnlyList<OnnxTensor> Initializers) NeededFor(IEnumerable<string> values, OnnxGraphBuilder graph)
    {
        var needed = new HashSet<string>(values);
        var nodes = new List<OnnxNode>();
        // The builder's order is topological, so walking it backwards meets every consumer before its producers.
        for (var i = graph.Nodes.Count - 1; i >= 0; i--)
        {
            var node = graph.Nodes[i];
            if (!node.Outputs.Any(needed.Contains))
                continue;
            nodes.Add(node);
            needed.UnionWith(node.Inputs.Where(input => input.Length > 0));
        }

        nodes.Reverse();
        return (nodes, [.. graph.Initializers.Where(tensor => needed.Contains(tensor.Name))]);
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
