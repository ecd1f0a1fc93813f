using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Tests;

public sealed class TfliteModelReaderTests
{
    public sealed class Read
    {
        [Fact]
        public void Should_read_tensors_buffers_and_graph_io()
        {
            // Given a hand-built model with a run-time tensor, a float16 constant and an int32 constant
            var builder = new TfliteTestModel();
            var input = builder.Tensor("image", 1, 4, 4, 3);
            var weights = builder.Float16Constant("weights", [2, 1, 1, 3], [0.5f, -1f, 2f, 0.25f, 3f, -0.125f]);
            var paddings = builder.Int32Constant("paddings", [4, 2], [0, 0, 1, 1, 1, 1, 0, 0]);
            var output = builder.Tensor("out", 1, 4, 4, 2);
            builder.Operator(TfliteBuiltinOperator.Dequantize, [weights], [output]);

            // When it is read
            var model = TfliteModelReader.Read(builder.Build([input], [output], "described"));

            // Then names, shapes, types, buffers and graph inputs/outputs are as built
            Assert.Equal(3, model.Version);
            Assert.Equal("described", model.Description);
            Assert.Equal("main", model.Graph.Name);
            Assert.Equal(["image", "weights", "paddings", "out"], model.Graph.Tensors.Select(t => t.Name));
            Assert.Equal([1, 4, 4, 3], model.Graph.Tensors[input].Shape);
            Assert.Equal(TfliteTensorType.Float16, model.Graph.Tensors[weights].Type);
            Assert.Equal(TfliteTensorType.Int32, model.Graph.Tensors[paddings].Type);
            Assert.Equal(12, model.DataOf(model.Graph.Tensors[weights]).Length);
            Assert.False(model.IsConstant(model.Graph.Tensors[input]));
            Assert.True(model.IsConstant(model.Graph.Tensors[paddings]));
            Assert.Equal([input], model.Graph.Inputs);
            Assert.Equal([output], model.Graph.Outputs);
        }

        [Fact]
        public void Should_decode_builtin_options_by_operator_code()
        {
            // Given operators with options tables
            var builder = new TfliteTestModel();
            var x = builder.Tensor("x", 1, 8, 8, 4);
            var w = builder.Constant("w", [4, 3, 3, 4], new float[144]);
            var b = builder.Constant("b", [4], new float[4]);
            var y = builder.Tensor("y", 1, 4, 4, 4);
            var z = builder.Tensor("z", 1, 16, 16, 4);
            var conv = TfliteTestModel.Conv(TflitePadding.Same, 2, 2, TfliteActivation.Relu6);
            var resize = TfliteTestModel.Resize(alignCorners: false, halfPixelCenters: true);
            builder.Operator(TfliteBuiltinOperator.Conv2D, [x, w, b], [y], conv.Type, conv.Write);
            builder.Operator(TfliteBuiltinOperator.ResizeBilinear, [y], [z], resize.Type, resize.Write);
            builder.Operator(TfliteBuiltinOperator.Logistic, [z], [z]);

            // When it is read
            var operators = TfliteModelReader.Read(builder.Build([x], [z])).Graph.Operators;

            // Then each operator carries its typed options, with schema defaults for fields never written
            Assert.Equal(new Conv2DOptions(TflitePadding.Same, 2, 2, TfliteActivation.Relu6, DilationW: 1, DilationH: 1), operators[0].Options);
            Assert.Equal(new ResizeBilinearOptions(AlignCorners: false, HalfPixelCenters: true), operators[1].Options);
            Assert.Same(TfliteOptions.None, operators[2].Options);
            Assert.Equal([x, w, b], operators[0].Inputs);
        }

        [Fact]
        public void Should_prefer_the_wide_builtin_code_over_the_deprecated_byte()
        {
            // Given an operator code above 127, which only fits the newer int field (the byte holds 127)
            var builder = new TfliteTestModel();
            var x = builder.Tensor("x", 1);
            builder.Operator((TfliteBuiltinOperator)150, [x], [x]);

            // When read, Then the int field wins
            var op = TfliteModelReader.Read(builder.Build([x], [x])).Graph.Operators.Single();
            Assert.Equal(150, (int)op.Code);
        }

        [Fact]
        public void Should_read_sparsity_parameters()
        {
            // Given a constant stored as dense rows × CSR columns
            var sparsity = new TfliteSparsity([0, 1], [], [
                new TfliteDimensionMetadata(false, 2, [], []),
                new TfliteDimensionMetadata(true, 0, [0, 1, 3], [2, 0, 1]),
            ]);
            var builder = new TfliteTestModel();
            var constant = builder.SparseConstant("sparse", [2, 3], [5f, 6f, 7f], sparsity);

            // When read
            var tensor = TfliteModelReader.Read(builder.Build([constant], [constant])).Graph.Tensors[constant];

            // Then the sparsity description survives intact
            Assert.NotNull(tensor.Sparsity);
            Assert.Equal([0, 1], tensor.Sparsity.TraversalOrder);
            Assert.False(tensor.Sparsity.Dimensions[0].IsSparse);
            Assert.Equal(2, tensor.Sparsity.Dimensions[0].DenseSize);
            Assert.True(tensor.Sparsity.Dimensions[1].IsSparse);
            Assert.Equal([0, 1, 3], tensor.Sparsity.Dimensions[1].Segments);
            Assert.Equal([2, 0, 1], tensor.Sparsity.Dimensions[1].Indices);
        }

        [Fact]
        public void Should_reject_a_file_that_is_not_TFLite()
        {
            var notTflite = new byte[64];
            "ONNX"u8.CopyTo(notTflite.AsSpan(4));
            var error = Assert.Throws<InvalidDataException>(() => TfliteModelReader.Read(notTflite));
            Assert.Contains("TFL3", error.Message);
        }
    }
}
