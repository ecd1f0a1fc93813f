namespace MirrorSense.ModelConverter.Tflite;

/// <summary>The parts of a TFLite model a converter needs: one subgraph and the raw buffers its constants point at.</summary>
public sealed record TfliteModel(int Version, string? Description, TfliteSubgraph Graph, IReadOnlyList<ReadOnlyMemory<byte>> Buffers)
{
    /// <summary>The constant bytes of a tensor, or empty when it is computed at run time.</summary>
    public ReadOnlyMemory<byte> DataOf(TfliteTensor tensor) =>
        tensor.Buffer < Buffers.Count ? Buffers[tensor.Buffer] : ReadOnlyMemory<byte>.Empty;

    public bool IsConstant(TfliteTensor tensor) => !DataOf(tensor).IsEmpty;
}

public sealed record TfliteSubgraph(
    string? Name,
    IReadOnlyList<TfliteTensor> Tensors,
    IReadOnlyList<int> Inputs,
    IReadOnlyList<int> Outputs,
    IReadOnlyList<TfliteOperator> Operators);

/// <summary>A tensor declaration; Shape is TFLite's (NHWC for images).</summary>
public sealed record TfliteTensor(
    string Name,
    IReadOnlyList<int> Shape,
    TfliteTensorType Type,
    int Buffer,
    TfliteQuantization? Quantization,
    TfliteSparsity? Sparsity)
{
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => product * dim);
}

/// <summary>Affine quantization: real = scale * (q - zero_point), per tensor or per QuantizedDimension.</summary>
public sealed record TfliteQuantization(IReadOnlyList<float> Scale, IReadOnlyList<long> ZeroPoint, int QuantizedDimension);

/// <summary>How a sparse constant is stored (schema table SparsityParameters).</summary>
public sealed record TfliteSparsity(
    IReadOnlyList<int> TraversalOrder,
    IReadOnlyList<int> BlockMap,
    IReadOnlyList<TfliteDimensionMetadata> Dimensions);

/// <summary>One stored dimension: dense with a size, or CSR with segment and index arrays.</summary>
public sealed record TfliteDimensionMetadata(
    bool IsSparse,
    int DenseSize,
    IReadOnlyList<int> Segments,
    IReadOnlyList<int> Indices);

/// <summary>One operator; Options is the decoded builtin options table for its code.</summary>
public sealed record TfliteOperator(
    TfliteBuiltinOperator Code,
    string? CustomCode,
    IReadOnlyList<int> Inputs,
    IReadOnlyList<int> Outputs,
    TfliteOptions Options);
