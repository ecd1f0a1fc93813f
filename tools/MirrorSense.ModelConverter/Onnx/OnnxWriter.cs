using Google.Protobuf;

namespace MirrorSense.ModelConverter.Onnx;

/// <summary>
/// Serialises <see cref="OnnxModel"/> as the ONNX protobuf (onnx/onnx.proto). Only the fields this
/// converter fills are written, always in the same order, so equal models give equal bytes.
/// Nested messages are written to their own buffer first because protobuf prefixes them with their length.
/// </summary>
public static class OnnxWriter
{
    public static byte[] Serialize(OnnxModel model) => Message(output =>
    {
        output.WriteTag(1, WireFormat.WireType.Varint);          // ModelProto.ir_version
        output.WriteInt64(model.IrVersion);
        WriteString(output, 2, model.ProducerName);              // producer_name
        WriteString(output, 3, model.ProducerVersion);           // producer_version
        WriteString(output, 6, model.DocString);                 // doc_string
        WriteMessage(output, 7, Graph(model.Graph));             // graph
        WriteMessage(output, 8, Message(opset =>                 // opset_import (default domain "")
        {
            opset.WriteTag(2, WireFormat.WireType.Varint);
            opset.WriteInt64(model.OpsetVersion);
        }));
        foreach (var (key, value) in model.Metadata)             // metadata_props: StringStringEntryProto
        {
            WriteMessage(output, 14, Message(entry =>
            {
                WriteString(entry, 1, key);
                WriteString(entry, 2, value);
            }));
        }
    });

    public static void Write(OnnxModel model, string path) => File.WriteAllBytes(path, Serialize(model));

    private static byte[] Graph(OnnxGraph graph) => Message(output =>
    {
        foreach (var node in graph.Nodes)
        {
            WriteMessage(output, 1, Node(node));                 // GraphProto.node
        }

        WriteString(output, 2, graph.Name);                      // name
        foreach (var tensor in graph.Initializers)
        {
            WriteMessage(output, 5, Tensor(tensor));             // initializer
        }

        foreach (var input in graph.Inputs)
        {
            WriteMessage(output, 11, ValueInfo(input));          // input
        }

        foreach (var graphOutput in graph.Outputs)
        {
            WriteMessage(output, 12, ValueInfo(graphOutput));    // output
        }
    });

    private static byte[] Node(OnnxNode node) => Message(output =>
    {
        foreach (var input in node.Inputs)
        {
            WriteString(output, 1, input, always: true);         // NodeProto.input ("" marks an omitted optional input)
        }

        foreach (var nodeOutput in node.Outputs)
        {
            WriteString(output, 2, nodeOutput, always: true);    // output
        }

        WriteString(output, 3, node.Name);                       // name
        WriteString(output, 4, node.OpType);                     // op_type
        foreach (var attribute in node.Attributes)
        {
            WriteMessage(output, 5, Attribute(attribute));       // attribute
        }
    });

    private static byte[] Attribute(OnnxAttribute attribute) => Message(output =>
    {
        WriteString(output, 1, attribute.Name);                  // AttributeProto.name
        const int typeField = 20;                                 // type: FLOAT=1, INT=2, STRING=3, INTS=7
        switch (attribute)
        {
            case OnnxFloatAttribute f:
                output.WriteTag(2, WireFormat.WireType.Fixed32);
                output.WriteFloat(f.Value);
                WriteEnum(output, typeField, 1);
                break;
            case OnnxIntAttribute i:
                output.WriteTag(3, WireFormat.WireType.Varint);
                output.WriteInt64(i.Value);
                WriteEnum(output, typeField, 2);
                break;
            case OnnxStringAttribute s:
                output.WriteTag(4, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFromUtf8(s.Value));
                WriteEnum(output, typeField, 3);
                break;
            case OnnxIntsAttribute ints:
                foreach (var value in ints.Values)
                {
                    output.WriteTag(8, WireFormat.WireType.Varint);  // unpacked, as onnx.proto2-style readers expect
                    output.WriteInt64(value);
                }

                WriteEnum(output, typeField, 7);
                break;
            default:
                throw new NotSupportedException($"Attribute kind {attribute.GetType().Name} is not written.");
        }
    });

    private static byte[] Tensor(OnnxTensor tensor) => Message(output =>
    {
        foreach (var dim in tensor.Dims)
        {
            output.WriteTag(1, WireFormat.WireType.Varint);      // TensorProto.dims
            output.WriteInt64(dim);
        }

        WriteEnum(output, 2, (int)tensor.Type);                  // data_type
        WriteString(output, 8, tensor.Name);                     // name
        output.WriteTag(9, WireFormat.WireType.LengthDelimited); // raw_data
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(tensor.RawData));
    });

    private static byte[] ValueInfo(OnnxValueInfo info) => Message(output =>
    {
        WriteString(output, 1, info.Name);                       // ValueInfoProto.name
        WriteMessage(output, 2, Message(type =>                  // type: TypeProto
            WriteMessage(type, 1, Message(tensorType =>           // tensor_type: TypeProto.Tensor
            {
                WriteEnum(tensorType, 1, (int)info.Type);         // elem_type
                WriteMessage(tensorType, 2, Message(shape =>      // shape: TensorShapeProto
                {
                    foreach (var dim in info.Shape)
                    {
                        WriteMessage(shape, 1, Message(dimension => // dim: Dimension.dim_value
                        {
                            dimension.WriteTag(1, WireFormat.WireType.Varint);
                            dimension.WriteInt64(dim);
                        }));
                    }
                }));
            }))));
    });

    private static void WriteString(CodedOutputStream output, int field, string value, bool always = false)
    {
        if (value.Length == 0 && !always)
        {
            return;
        }

        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void WriteEnum(CodedOutputStream output, int field, int value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt32(value);
    }

    private static void WriteMessage(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(message));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(output);
        }

        return stream.ToArray();
    }
}
