namespace MirrorSense.ModelConverter.Tflite;

/// <summary>
/// Reads the TFLite flatbuffer (schema tensorflow/lite/schema/schema.fbs) into <see cref="TfliteModel"/>.
/// Field numbers below are declaration indices in that schema; a union takes two (type, value).
/// </summary>
public static class TfliteModelReader
{
    public static TfliteModel Read(string path) => Read(File.ReadAllBytes(path));

    public static TfliteModel Read(ReadOnlyMemory<byte> bytes)
    {
        var identifier = FlatBufferTable.Identifier(bytes);
        if (identifier != "TFL3")
        {
            throw new InvalidDataException($"Not a TFLite model: file identifier is '{identifier}', expected 'TFL3'.");
        }

        var model = FlatBufferTable.Root(bytes);
        var codes = model.GetTableVector(1).Select(ReadOperatorCode).ToArray();
        var subgraphs = model.GetTableVector(2);
        if (subgraphs.Count != 1)
        {
            // The pose models have exactly one; control flow subgraphs would need a different translator.
            throw new NotSupportedException($"Only single-subgraph models are supported; this one has {subgraphs.Count}.");
        }

        var buffers = model.GetTableVector(4).Select(buffer => ReadBuffer(buffer, bytes)).ToArray();
        return new TfliteModel(
            Version: (int)model.GetUInt32(0),
            Description: model.GetString(3),
            Graph: ReadSubgraph(subgraphs[0], codes),
            Buffers: buffers);
    }

    private static (TfliteBuiltinOperator Code, string? Custom) ReadOperatorCode(FlatBufferTable code)
    {
        // Codes above 127 live only in the int field added later; older writers fill only the byte.
        var deprecated = code.GetSByte(0);
        var builtin = code.GetInt32(3);
        return ((TfliteBuiltinOperator)Math.Max(deprecated, builtin), code.GetString(1));
    }

    private static ReadOnlyMemory<byte> ReadBuffer(FlatBufferTable buffer, ReadOnlyMemory<byte> file)
    {
        // Models over 2 GB keep data after the flatbuffer, addressed by file offset and size; offset 1 means "none".
        var offset = buffer.GetUInt64(1);
        if (offset > 1)
        {
            return file.Slice(checked((int)offset), checked((int)buffer.GetUInt64(2)));
        }

        return buffer.GetBytes(0);
    }

    private static TfliteSubgraph ReadSubgraph(FlatBufferTable graph, IReadOnlyList<(TfliteBuiltinOperator Code, string? Custom)> codes) =>
        new(
            Name: graph.GetString(4),
            Tensors: graph.GetTableVector(0).Select(ReadTensor).ToArray(),
            Inputs: graph.GetInt32Vector(1),
            Outputs: graph.GetInt32Vector(2),
            Operators: graph.GetTableVector(3).Select(op => ReadOperator(op, codes)).ToArray());

    private static TfliteTensor ReadTensor(FlatBufferTable tensor, int index) =>
        new(
            Name: tensor.GetString(3) ?? $"tensor_{index}",
            Shape: tensor.GetInt32Vector(0),
            Type: (TfliteTensorType)tensor.GetSByte(1),
            Buffer: (int)tensor.GetUInt32(2),
            Quantization: tensor.GetTable(4) is { } quantization ? ReadQuantization(quantization) : null,
            Sparsity: tensor.GetTable(6) is { } sparsity ? ReadSparsity(sparsity) : null);

    private static TfliteQuantization? ReadQuantization(FlatBufferTable quantization)
    {
        var scale = quantization.GetFloatVector(2);
        return scale.Count == 0 ? null : new TfliteQuantization(scale, quantization.GetInt64Vector(3), quantization.GetInt32(6));
    }

    private static TfliteSparsity ReadSparsity(FlatBufferTable sparsity) =>
        new(
            TraversalOrder: sparsity.GetInt32Vector(0),
            BlockMap: sparsity.GetInt32Vector(1),
            Dimensions: sparsity.GetTableVector(2).Select(ReadDimension).ToArray());

    private static TfliteDimensionMetadata ReadDimension(FlatBufferTable dimension) =>
        new(
            IsSparse: dimension.GetSByte(0) == 1,
            DenseSize: dimension.GetInt32(1),
            Segments: ReadIndexVector(dimension.GetByte(2), dimension.GetTable(3)),
            Indices: ReadIndexVector(dimension.GetByte(4), dimension.GetTable(5)));

    /// <summary>Union SparseIndexVector: 1 Int32Vector, 2 Uint16Vector, 3 Uint8Vector, each a table with field 0 'values'.</summary>
    private static IReadOnlyList<int> ReadIndexVector(byte type, FlatBufferTable? table) => (type, table) switch
    {
        (_, null) => [],
        (1, { } t) => t.GetInt32Vector(0),
        (2, { } t) => t.GetUInt16Vector(0),
        (3, { } t) => t.GetUInt8Vector(0),
        _ => throw new InvalidDataException($"Unknown sparse index vector type {type}."),
    };

    private static TfliteOperator ReadOperator(FlatBufferTable op, IReadOnlyList<(TfliteBuiltinOperator Code, string? Custom)> codes)
    {
        var (code, custom) = codes[(int)op.GetUInt32(0)];
        var options = op.GetTable(4);
        return new TfliteOperator(code, custom, op.GetInt32Vector(1), op.GetInt32Vector(2), ReadOptions(code, options));
    }

    /// <summary>Decodes the options by operator code (each code has one options table); absent tables give schema defaults.</summary>
    private static TfliteOptions ReadOptions(TfliteBuiltinOperator code, FlatBufferTable? table)
    {
        var t = table ?? default;
        var present = table.HasValue;
        T Or<T>(Func<T> read, T fallback) => present ? read() : fallback;
        return code switch
        {
            TfliteBuiltinOperator.Conv2D => Or(
                () => new Conv2DOptions((TflitePadding)t.GetSByte(0), t.GetInt32(1), t.GetInt32(2), (TfliteActivation)t.GetSByte(3), t.GetInt32(4, 1), t.GetInt32(5, 1)),
                new Conv2DOptions(TflitePadding.Same, 0, 0, TfliteActivation.None, 1, 1)),
            TfliteBuiltinOperator.DepthwiseConv2D => Or(
                () => new DepthwiseConv2DOptions((TflitePadding)t.GetSByte(0), t.GetInt32(1), t.GetInt32(2), t.GetInt32(3), (TfliteActivation)t.GetSByte(4), t.GetInt32(5, 1), t.GetInt32(6, 1)),
                new DepthwiseConv2DOptions(TflitePadding.Same, 0, 0, 0, TfliteActivation.None, 1, 1)),
            TfliteBuiltinOperator.MaxPool2D or TfliteBuiltinOperator.AveragePool2D => Or(
                () => new Pool2DOptions((TflitePadding)t.GetSByte(0), t.GetInt32(1), t.GetInt32(2), t.GetInt32(3), t.GetInt32(4), (TfliteActivation)t.GetSByte(5)),
                new Pool2DOptions(TflitePadding.Same, 0, 0, 0, 0, TfliteActivation.None)),
            TfliteBuiltinOperator.Add => new AddOptions(Or(() => (TfliteActivation)t.GetSByte(0), TfliteActivation.None)),
            TfliteBuiltinOperator.Concatenation => Or(
                () => new ConcatenationOptions(t.GetInt32(0), (TfliteActivation)t.GetSByte(1)),
                new ConcatenationOptions(0, TfliteActivation.None)),
            TfliteBuiltinOperator.Reshape => new ReshapeOptions(Or(() => t.GetInt32Vector(0), [])),
            TfliteBuiltinOperator.ResizeBilinear => Or(
                () => new ResizeBilinearOptions(t.GetBool(2), t.GetBool(3)),
                new ResizeBilinearOptions(false, false)),
            TfliteBuiltinOperator.DepthToSpace => new DepthToSpaceOptions(Or(() => t.GetInt32(0), 0)),
            _ => TfliteOptions.None,
        };
    }
}
