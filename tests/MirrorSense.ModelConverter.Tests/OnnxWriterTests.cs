using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MirrorSense.ModelConverter.Onnx;

namespace MirrorSense.ModelConverter.Tests;

public sealed class OnnxWriterTests
{
    /// <summary>y = Clip(Transpose(x) + bias, 0, 6): exercises initializers, scalars, an empty optional input slot and ints attributes.</summary>
    private static OnnxModel SmallModel() => new(
        new OnnxGraph(
            "small",
            [
                new OnnxNode("Transpose", "t", ["x"], ["xt"], [new OnnxIntsAttribute("perm", [1, 0])]),
                new OnnxNode("Add", "a", ["xt", "bias"], ["sum"], []),
                new OnnxNode("Clip", "c", ["sum", "zero", "six"], ["y"], []),
                new OnnxNode("Resize", "r", ["y", "", "", "sizes"], ["big"], [new OnnxStringAttribute("mode", "nearest")]),
            ],
            [
                OnnxTensor.FromFloats("bias", [3, 1], [1f, 2f, 3f]),
                OnnxTensor.FromFloats("zero", [], [0f]),
                OnnxTensor.FromFloats("six", [], [6f]),
                OnnxTensor.FromInt64s("sizes", [2], [3, 4]),
            ],
            [new OnnxValueInfo("x", OnnxDataType.Float, [2, 3])],
            [new OnnxValueInfo("y", OnnxDataType.Float, [3, 2]), new OnnxValueInfo("big", OnnxDataType.Float, [3, 4])]),
        OpsetVersion: 13,
        ProducerName: "writer test",
        ProducerVersion: "0",
        DocString: "a small model",
        Metadata: [new("source", "hand-built")]);

    public sealed class Serialize
    {
        [Fact]
        public void Should_give_a_model_ONNX_Runtime_loads_and_runs()
        {
            // Given a small hand-built model
            var bytes = OnnxWriter.Serialize(SmallModel());

            // When ONNX Runtime runs it
            using var session = new InferenceSession(bytes);
            var x = new DenseTensor<float>(new float[] { -5f, 1f, 2f, 3f, 4f, 10f }, [2, 3]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", x)]);

            // Then it computes what the graph says, and the metadata came through
            var y = results.Single(r => r.Name == "y").AsTensor<float>().ToArray();
            Assert.Equal([0f, 4f, 3f, 6f, 5f, 6f], y);   // xᵀ + [1,2,3]ᵀ = [[-4,4],[3,6],[5,13]], clipped to [0,6]
            Assert.Equal([3, 4], results.Single(r => r.Name == "big").AsTensor<float>().Dimensions.ToArray());
            Assert.Equal("writer test", session.ModelMetadata.ProducerName);
            Assert.Equal("small", session.ModelMetadata.GraphName);
            Assert.Equal("a small model", session.ModelMetadata.Description);
            Assert.Equal("hand-built", session.ModelMetadata.CustomMetadataMap["source"]);
        }

        [Fact]
        public void Should_write_the_same_bytes_every_time()
        {
            Assert.Equal(OnnxWriter.Serialize(SmallModel()), OnnxWriter.Serialize(SmallModel()));
        }

        [Fact]
        public void Should_lead_with_ir_version_and_producer_as_protobuf_fields_1_and_2()
        {
            // Given the serialised ModelProto
            var input = new CodedInputStream(OnnxWriter.Serialize(SmallModel()));

            // Then field 1 (varint) is ir_version 7 and field 2 (bytes) the producer name
            Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.Varint), input.ReadTag());
            Assert.Equal(7L, input.ReadInt64());
            Assert.Equal(WireFormat.MakeTag(2, WireFormat.WireType.LengthDelimited), input.ReadTag());
            Assert.Equal("writer test", input.ReadString());
        }
    }

    public sealed class Tensors
    {
        [Fact]
        public void Should_reject_values_that_do_not_fill_the_shape()
        {
            Assert.Throws<ArgumentException>(() => OnnxTensor.FromFloats("t", [2, 2], [1f, 2f, 3f]));
        }
    }
}
