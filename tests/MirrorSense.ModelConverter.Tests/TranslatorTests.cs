using MirrorSense.ModelConverter.Conversion;
using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;
using Xunit.Abstractions;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>
/// Each translator on a small hand-built TFLite model with awkward sizes (odd spatial sizes, SAME
/// padding with an odd total, channel concatenation, NHWC reshape), converted and run by ONNX
/// Runtime, against the NHWC reference interpreter.
/// </summary>
public sealed class TranslatorTests(ITestOutputHelper log)
{
    private static readonly Dictionary<string, Func<(byte[] Model, int[] InputShape)>> Cases = new()
    {
        ["conv SAME stride 2, odd size, relu6"] = () => Single(TfliteBuiltinOperator.Conv2D, [1, 7, 5, 3], [1, 4, 3, 4], TfliteTestModel.Conv(TflitePadding.Same, 2, 2, TfliteActivation.Relu6), b =>
            [b.Constant("w", [4, 3, 3, 3], Ramp(108, 0.05f)), b.Constant("bias", [4], [0.1f, -0.2f, 0.3f, 0f])]),
        ["conv VALID stride 1"] = () => Single(TfliteBuiltinOperator.Conv2D, [1, 6, 6, 2], [1, 4, 4, 3], TfliteTestModel.Conv(TflitePadding.Valid, 1, 1, TfliteActivation.None), b =>
            [b.Constant("w", [3, 3, 3, 2], Ramp(54, 0.1f)), b.Constant("bias", [3], [0f, 1f, -1f])]),
        ["depthwise SAME stride 2, even size (odd total pad), multiplier 2"] = () => Single(TfliteBuiltinOperator.DepthwiseConv2D, [1, 6, 6, 2], [1, 3, 3, 4], TfliteTestModel.Depthwise(TflitePadding.Same, 2, 2, 2, TfliteActivation.Relu), b =>
            [b.Constant("w", [1, 3, 3, 4], Ramp(36, 0.2f)), b.Constant("bias", [4], [0f, 0.5f, -0.5f, 1f])]),
        ["conv SAME stride 1, fused tanh"] = () => Single(TfliteBuiltinOperator.Conv2D, [1, 4, 4, 2], [1, 4, 4, 2], TfliteTestModel.Conv(TflitePadding.Same, 1, 1, TfliteActivation.Tanh), b =>
            [b.Constant("w", [2, 3, 3, 2], Ramp(36, 0.1f)), b.Constant("bias", [2], [0.2f, -0.2f])]),
        ["depthwise VALID, fused relu_n1_to_1"] = () => Single(TfliteBuiltinOperator.DepthwiseConv2D, [1, 5, 5, 3], [1, 3, 3, 3], TfliteTestModel.Depthwise(TflitePadding.Valid, 1, 1, 1, TfliteActivation.ReluN1To1), b =>
            [b.Constant("w", [1, 3, 3, 3], Ramp(27, 0.05f)), b.Constant("bias", [3], [0f, 0.3f, -0.3f])]),
        ["max pool SAME 3x3 stride 2 on odd size"] = () => Single(TfliteBuiltinOperator.MaxPool2D, [1, 5, 5, 2], [1, 3, 3, 2], TfliteTestModel.Pool(TflitePadding.Same, 2, 3), _ => []),
        ["resize half-pixel"] = () => Single(TfliteBuiltinOperator.ResizeBilinear, [1, 3, 4, 2], [1, 6, 8, 2], TfliteTestModel.Resize(false, true), b => [b.Int32Constant("size", [2], [6, 8])]),
        ["resize align-corners"] = () => Single(TfliteBuiltinOperator.ResizeBilinear, [1, 3, 4, 2], [1, 7, 5, 2], TfliteTestModel.Resize(true, false), b => [b.Int32Constant("size", [2], [7, 5])]),
        ["resize asymmetric"] = () => Single(TfliteBuiltinOperator.ResizeBilinear, [1, 3, 4, 2], [1, 6, 8, 2], TfliteTestModel.Resize(false, false), b => [b.Int32Constant("size", [2], [6, 8])]),
        ["pad channels and rows"] = () => Single(TfliteBuiltinOperator.Pad, [1, 3, 3, 2], [1, 4, 3, 5], default, b => [b.Int32Constant("paddings", [4, 2], [0, 0, 0, 1, 0, 0, 1, 2])]),
        ["depth to space"] = () => Single(TfliteBuiltinOperator.DepthToSpace, [1, 2, 3, 8], [1, 4, 6, 2], TfliteTestModel.DepthToSpace(2), _ => []),
        ["conv then channel concat then reshape"] = ConcatThenReshape,
        ["add per-channel constant after conv, then logistic"] = AddConstantThenLogistic,
        ["sparse float16 weights through densify and dequantize"] = SparseWeights,
        ["prelu on the graph input, slope [1,1,C]"] = () => Single(TfliteBuiltinOperator.Prelu, [1, 3, 4, 3], [1, 3, 4, 3], default, b =>
            [b.Constant("slope", [1, 1, 3], [0.25f, -0.5f, 2f])]),
        ["conv then prelu with a float16 slope [1,1,C] through dequantize"] = ConvThenPrelu,
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_compute_what_TFLite_computes(string name)
    {
        // Given a small TFLite model and a deterministic input
        var (bytes, inputShape) = Cases[name]();
        var model = TfliteModelReader.Read(bytes);
        var input = Ramp(inputShape.Aggregate(1, (p, d) => p * d), 0.37f, offset: -2f);

        // When converted and run by ONNX Runtime
        var onnx = OnnxWriter.Serialize(new TfliteToOnnxConverter().Convert(model, "case"));
        using var runner = new OnnxRunner(onnx);
        var actual = runner.Run(input);

        // Then it matches the reference interpreter on the original
        var expected = new TfliteReferenceInterpreter(model).Run(input);
        foreach (var (output, values) in expected)
        {
            var difference = Differences.MaxAbs(values, actual[output]);
            log.WriteLine($"{name}: {output} max |Δ| = {difference:G3}");
            Assert.True(difference < 1e-4f, $"{name}: {output} differs by {difference}");
        }
    }

    [Fact]
    public void Should_refuse_operators_it_does_not_know()
    {
        // Given a model with an operator no translator handles
        var builder = new TfliteTestModel();
        var x = builder.Tensor("x", 1, 2, 2, 1);
        var y = builder.Tensor("y", 1, 2, 2, 1);
        builder.Operator((TfliteBuiltinOperator)25, [x], [y]);   // SOFTMAX

        // When converted, Then it fails naming the operator
        var error = Assert.Throws<NotSupportedException>(() => new TfliteToOnnxConverter().Convert(TfliteModelReader.Read(builder.Build([x], [y])), "bad"));
        Assert.Contains("25", error.Message);
    }

    [Fact]
    public void Should_keep_TFLite_names_shapes_and_layout_at_the_boundary()
    {
        // Given a conv model with an NHWC input and output
        var (bytes, _) = Cases["conv VALID stride 1"]();

        // When converted
        var graph = new TfliteToOnnxConverter().Convert(TfliteModelReader.Read(bytes), "case").Graph;

        // Then the ONNX graph's input and output are TFLite's, and exactly two transposes wrap the NCHW conv
        Assert.Equal(new OnnxValueInfo("x", OnnxDataType.Float, [1, 6, 6, 2]), graph.Inputs.Single(), new ValueInfoComparer());
        Assert.Equal(new OnnxValueInfo("y", OnnxDataType.Float, [1, 4, 4, 3]), graph.Outputs.Single(), new ValueInfoComparer());
        Assert.Equal(["Transpose", "Conv", "Transpose"], graph.Nodes.Select(n => n.OpType));
    }

    [Fact]
    public void Should_keep_PRELU_in_the_layout_of_the_convolution_before_it()
    {
        // Given a convolution followed by PRELU with a per-channel slope
        var (bytes, _) = ConvThenPrelu();

        // When converted
        var graph = new TfliteToOnnxConverter().Convert(TfliteModelReader.Read(bytes), "case").Graph;

        // Then PRELU runs on the NCHW result (no transpose between them) with its slope as [1,C,1,1]
        Assert.Equal(["Transpose", "Conv", "PRelu", "Transpose"], graph.Nodes.Select(n => n.OpType));
        var slope = graph.Initializers.Single(i => i.Name == graph.Nodes[2].Inputs[1]);
        Assert.Equal([1L, 4, 1, 1], slope.Dims);
    }

    private static (byte[], int[]) ConvThenPrelu()
    {
        var b = new TfliteTestModel();
        var x = b.Tensor("x", 1, 5, 5, 2);
        var c = b.Tensor("c", 1, 5, 5, 4);
        var slope = b.Tensor("slope", 1, 1, 4);
        var y = b.Tensor("y", 1, 5, 5, 4);
        var conv = TfliteTestModel.Conv(TflitePadding.Same, 1, 1, TfliteActivation.None);
        b.Operator(TfliteBuiltinOperator.Conv2D, [x, b.Constant("w", [4, 3, 3, 2], Ramp(72, 0.1f)), b.Constant("b", [4], [0.5f, -0.5f, 0f, 1f])], [c], conv.Type, conv.Write);
        b.Operator(TfliteBuiltinOperator.Dequantize, [b.Float16Constant("slope_f16", [1, 1, 4], [0.25f, 0f, -1f, 0.125f])], [slope]);
        b.Operator(TfliteBuiltinOperator.Prelu, [c, slope], [y]);
        return (b.Build([x], [y]), [1, 5, 5, 2]);
    }

    private static (byte[], int[]) Single(TfliteBuiltinOperator code, int[] inputShape, int[] outputShape, (byte Type, Func<Google.FlatBuffers.FlatBufferBuilder, int> Write) options, Func<TfliteTestModel, int[]> constants)
    {
        var b = new TfliteTestModel();
        var x = b.Tensor("x", inputShape);
        int[] extra = constants(b);
        var y = b.Tensor("y", outputShape);
        b.Operator(code, [x, .. extra], [y], options.Type, options.Write);
        return (b.Build([x], [y]), inputShape);
    }

    private static (byte[], int[]) ConcatThenReshape()
    {
        var b = new TfliteTestModel();
        var x = b.Tensor("x", 1, 4, 4, 2);
        var c1 = b.Tensor("c1", 1, 4, 4, 3);
        var c2 = b.Tensor("c2", 1, 4, 4, 2);
        var cat = b.Tensor("cat", 1, 4, 4, 5);
        var flat = b.Tensor("flat", 1, 16, 5);
        var conv = TfliteTestModel.Conv(TflitePadding.Same, 1, 1, TfliteActivation.None);
        b.Operator(TfliteBuiltinOperator.Conv2D, [x, b.Constant("w1", [3, 1, 1, 2], Ramp(6, 0.3f)), b.Constant("b1", [3], [0f, 0f, 0f])], [c1], conv.Type, conv.Write);
        b.Operator(TfliteBuiltinOperator.Conv2D, [x, b.Constant("w2", [2, 3, 3, 2], Ramp(36, 0.1f)), b.Constant("b2", [2], [1f, -1f])], [c2], conv.Type, conv.Write);
        var concat = TfliteTestModel.Concatenation(-1);
        b.Operator(TfliteBuiltinOperator.Concatenation, [c1, c2], [cat], concat.Type, concat.Write);
        b.Operator(TfliteBuiltinOperator.Reshape, [cat, b.Int32Constant("shape", [3], [1, 16, 5])], [flat]);
        return (b.Build([x], [flat]), [1, 4, 4, 2]);
    }

    private static (byte[], int[]) AddConstantThenLogistic()
    {
        var b = new TfliteTestModel();
        var x = b.Tensor("x", 1, 3, 3, 2);
        var c = b.Tensor("c", 1, 3, 3, 3);
        var sum = b.Tensor("sum", 1, 3, 3, 3);
        var y = b.Tensor("y", 1, 3, 3, 3);
        var conv = TfliteTestModel.Conv(TflitePadding.Same, 1, 1, TfliteActivation.None);
        b.Operator(TfliteBuiltinOperator.Conv2D, [x, b.Constant("w", [3, 1, 1, 2], Ramp(6, 0.4f)), b.Constant("b", [3], [0f, 0f, 0f])], [c], conv.Type, conv.Write);
        var add = TfliteTestModel.AddWith(TfliteActivation.Relu6);
        b.Operator(TfliteBuiltinOperator.Add, [c, b.Constant("k", [3], [0.5f, -1f, 2f])], [sum], add.Type, add.Write);
        b.Operator(TfliteBuiltinOperator.Logistic, [sum], [y]);
        return (b.Build([x], [y]), [1, 3, 3, 2]);
    }

    private static (byte[], int[]) SparseWeights()
    {
        // Weights [3,1,1,4] = rows [1,0,0,2], [0,0,0,0], [0,3,4,0]: dense O, H, W and CSR input channels, stored float16.
        var b = new TfliteTestModel();
        var x = b.Tensor("x", 1, 2, 2, 4);
        var sparsity = new TfliteSparsity([0, 1, 2, 3], [], [
            new TfliteDimensionMetadata(false, 3, [], []),
            new TfliteDimensionMetadata(false, 1, [], []),
            new TfliteDimensionMetadata(false, 1, [], []),
            new TfliteDimensionMetadata(true, 0, [0, 2, 2, 4], [0, 3, 1, 2]),
        ]);
        var stored = b.SparseConstant("w_sparse", [3, 1, 1, 4], [1f, 2f, 3f, 4f], sparsity);
        var dense = b.Tensor("w_dense", 3, 1, 1, 4);
        var weights = b.Tensor("w", 3, 1, 1, 4);
        var y = b.Tensor("y", 1, 2, 2, 3);
        b.Operator(TfliteBuiltinOperator.Densify, [stored], [dense]);
        b.Operator(TfliteBuiltinOperator.Dequantize, [dense], [weights]);
        var conv = TfliteTestModel.Conv(TflitePadding.Valid, 1, 1, TfliteActivation.None);
        b.Operator(TfliteBuiltinOperator.Conv2D, [x, weights, b.Constant("bias", [3], [0f, 0f, 0f])], [y], conv.Type, conv.Write);
        return (b.Build([x], [y]), [1, 2, 2, 4]);
    }

    private static float[] Ramp(int count, float step, float offset = 0f) =>
        Enumerable.Range(0, count).Select(i => offset + step * ((i * 7) % 13 - 6)).ToArray();

    private sealed class ValueInfoComparer : IEqualityComparer<OnnxValueInfo>
    {
        public bool Equals(OnnxValueInfo? x, OnnxValueInfo? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Type == y.Type && x.Shape.SequenceEqual(y.Shape);

        public int GetHashCode(OnnxValueInfo obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
