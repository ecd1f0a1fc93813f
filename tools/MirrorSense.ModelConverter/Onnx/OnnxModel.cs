using System.Runtime.InteropServices;

namespace MirrorSense.ModelConverter.Onnx;

/// <summary>ONNX TensorProto.DataType values used here.</summary>
public enum OnnxDataType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
}

/// <summary>An ONNX model: one graph, the default-domain opset it targets, and who produced it.</summary>
public sealed record OnnxModel(
    OnnxGraph Graph,
    long OpsetVersion,
    string ProducerName,
    string ProducerVersion,
    string DocString,
    IReadOnlyList<KeyValuePair<string, string>> Metadata)
{
    /// <summary>IR version 7 is the one that introduced opset 13, the lowest opset this converter targets.</summary>
    public long IrVersion { get; init; } = 7;
}

public sealed record OnnxGraph(
    string Name,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs);

public sealed record OnnxNode(
    string OpType,
    string Name,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes);

/// <summary>A node attribute; the concrete record says which AttributeProto field carries the value.</summary>
public abstract record OnnxAttribute(string Name);

public sealed record OnnxIntAttribute(string Name, long Value) : OnnxAttribute(Name);

public sealed record OnnxIntsAttribute(string Name, IReadOnlyList<long> Values) : OnnxAttribute(Name);

public sealed record OnnxFloatAttribute(string Name, float Value) : OnnxAttribute(Name);

public sealed record OnnxStringAttribute(string Name, string Value) : OnnxAttribute(Name);

/// <summary>A graph input or output: name, element type and a fully known shape.</summary>
public sealed record OnnxValueInfo(string Name, OnnxDataType Type, IReadOnlyList<long> Shape);

/// <summary>A constant tensor stored as little-endian raw_data.</summary>
public sealed record OnnxTensor(string Name, OnnxDataType Type, IReadOnlyList<long> Dims, ReadOnlyMemory<byte> RawData)
{
    public static OnnxTensor FromFloats(string name, IReadOnlyList<long> dims, ReadOnlySpan<float> values) =>
        new(name, OnnxDataType.Float, dims, CheckedBytes(dims, values.Length, MemoryMarshal.AsBytes(values)));

    public static OnnxTensor FromInt64s(string name, IReadOnlyList<long> dims, ReadOnlySpan<long> values) =>
        new(name, OnnxDataType.Int64, dims, CheckedBytes(dims, values.Length, MemoryMarshal.AsBytes(values)));

    private static byte[] CheckedBytes(IReadOnlyList<long> dims, int count, ReadOnlySpan<byte> bytes)
    {
        // raw_data must be little-endian; every platform .NET runs this tool on is.
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; this machine is not.");
        }

        var expected = dims.Aggregate(1L, (product, dim) => product * dim);
        if (expected != count)
        {
            throw new ArgumentException($"Shape [{string.Join(",", dims)}] holds {expected} values, got {count}.", nameof(dims));
        }

        return bytes.ToArray();
    }
}
