using System.Runtime.InteropServices;
using Google.FlatBuffers;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>
/// Hand-builds small TFLite flatbuffers with Google's FlatBufferBuilder, independently of the
/// converter's reader, so reader and translators can be tested on inputs whose content is known.
/// Field numbers follow tensorflow/lite/schema/schema.fbs.
/// </summary>
public sealed class TfliteTestModel
{
    private readonly List<TensorSpec> tensors = [];
    private readonly List<OperatorSpec> operators = [];
    private readonly List<byte[]> buffers = [[]];

    /// <summary>A run-time tensor.</summary>
    public int Tensor(string name, params int[] shape) => Add(new TensorSpec(name, shape, TfliteTensorType.Float32, 0, null));

    public int Constant(string name, int[] shape, float[] values) =>
        Add(new TensorSpec(name, shape, TfliteTensorType.Float32, AddBuffer(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()), null));

    public int Float16Constant(string name, int[] shape, float[] values) =>
        Add(new TensorSpec(name, shape, TfliteTensorType.Float16, AddBuffer(MemoryMarshal.AsBytes(values.Select(v => (Half)v).ToArray().AsSpan()).ToArray()), null));

    public int Int32Constant(string name, int[] shape, int[] values) =>
        Add(new TensorSpec(name, shape, TfliteTensorType.Int32, AddBuffer(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()), null));

    /// <summary>A float constant stored sparse: the given (already compressed) values plus its sparsity description.</summary>
    public int SparseConstant(string name, int[] shape, float[] storedValues, TfliteSparsity sparsity) =>
        Add(new TensorSpec(name, shape, TfliteTensorType.Float32, AddBuffer(MemoryMarshal.AsBytes(storedValues.AsSpan()).ToArray()), sparsity));

    /// <param name="options">Writes the options table and returns its offset, or null for none.</param>
    public void Operator(TfliteBuiltinOperator code, int[] inputs, int[] outputs, byte optionsType = 0, Func<FlatBufferBuilder, int>? options = null) =>
        operators.Add(new OperatorSpec(code, inputs, outputs, optionsType, options));

    public byte[] Build(int[] inputs, int[] outputs, string description = "test model")
    {
        var b = new FlatBufferBuilder(1024);
        var codes = operators.Select(op => op.Code).Distinct().ToList();
        var codeTables = codes.Select(code =>
        {
            b.StartTable(4);
            b.AddSbyte(0, (sbyte)Math.Min((int)code, 127), 0);   // deprecated_builtin_code: 127 = "see builtin_code"
            b.AddInt(2, 1, 0);                                    // version
            b.AddInt(3, (int)code, 0);                            // builtin_code
            return b.EndTable();
        }).ToArray();

        var tensorTables = tensors.Select(t =>
        {
            var name = b.CreateString(t.Name);
            var shape = IntVector(b, t.Shape);
            var sparsity = t.Sparsity is null ? 0 : Sparsity(b, t.Sparsity);
            b.StartTable(7);
            b.AddOffset(0, shape, 0);
            b.AddSbyte(1, (sbyte)t.Type, 0);
            b.AddUint(2, (uint)t.Buffer, 0);
            b.AddOffset(3, name.Value, 0);
            b.AddOffset(6, sparsity, 0);
            return b.EndTable();
        }).ToArray();

        var operatorTables = operators.Select(op =>
        {
            var inputsVector = IntVector(b, op.Inputs);
            var outputsVector = IntVector(b, op.Outputs);
            var options = op.Options?.Invoke(b) ?? 0;
            b.StartTable(5);
            b.AddUint(0, (uint)codes.IndexOf(op.Code), 0);
            b.AddOffset(1, inputsVector, 0);
            b.AddOffset(2, outputsVector, 0);
            b.AddByte(3, op.OptionsType, 0);
            b.AddOffset(4, options, 0);
            return b.EndTable();
        }).ToArray();

        var subgraphName = b.CreateString("main");
        var tensorsVector = TableVector(b, tensorTables);
        var graphInputs = IntVector(b, inputs);
        var graphOutputs = IntVector(b, outputs);
        var operatorsVector = TableVector(b, operatorTables);
        b.StartTable(5);
        b.AddOffset(0, tensorsVector, 0);
        b.AddOffset(1, graphInputs, 0);
        b.AddOffset(2, graphOutputs, 0);
        b.AddOffset(3, operatorsVector, 0);
        b.AddOffset(4, subgraphName.Value, 0);
        var subgraph = b.EndTable();

        var bufferTables = buffers.Select(data =>
        {
            var bytes = data.Length == 0 ? 0 : ByteVector(b, data);
            b.StartTable(1);
            b.AddOffset(0, bytes, 0);
            return b.EndTable();
        }).ToArray();

        var codesVector = TableVector(b, codeTables);
        var subgraphs = TableVector(b, [subgraph]);
        var descriptionString = b.CreateString(description);
        var buffersVector = TableVector(b, bufferTables);
        b.StartTable(5);
        b.AddUint(0, 3, 0);                                     // schema version 3
        b.AddOffset(1, codesVector, 0);
        b.AddOffset(2, subgraphs, 0);
        b.AddOffset(3, descriptionString.Value, 0);
        b.AddOffset(4, buffersVector, 0);
        b.Finish(b.EndTable(), "TFL3");
        return b.SizedByteArray();
    }

    // Options tables (union type numbers are the positions in schema union BuiltinOptions).
    public static (byte Type, Func<FlatBufferBuilder, int> Write) Conv(TflitePadding padding, int strideH, int strideW, TfliteActivation activation) =>
        (1, b => Table(b, 6, () => { b.AddSbyte(0, (sbyte)padding, -1); b.AddInt(1, strideW, -1); b.AddInt(2, strideH, -1); b.AddSbyte(3, (sbyte)activation, -1); }));

    public static (byte Type, Func<FlatBufferBuilder, int> Write) Depthwise(TflitePadding padding, int strideH, int strideW, int multiplier, TfliteActivation activation) =>
        (2, b => Table(b, 7, () => { b.AddSbyte(0, (sbyte)padding, -1); b.AddInt(1, strideW, -1); b.AddInt(2, strideH, -1); b.AddInt(3, multiplier, -1); b.AddSbyte(4, (sbyte)activation, -1); }));

    public static (byte Type, Func<FlatBufferBuilder, int> Write) Pool(TflitePadding padding, int stride, int filter) =>
        (5, b => Table(b, 6, () => { b.AddSbyte(0, (sbyte)padding, -1); b.AddInt(1, stride, -1); b.AddInt(2, stride, -1); b.AddInt(3, filter, -1); b.AddInt(4, filter, -1); }));

    public static (byte Type, Func<FlatBufferBuilder, int> Write) Concatenation(int axis) =>
        (10, b => Table(b, 2, () => b.AddInt(0, axis, int.MinValue)));

    public static (byte Type, Func<FlatBufferBuilder, int> Write) AddWith(TfliteActivation activation) =>
        (11, b => Table(b, 1, () => b.AddSbyte(0, (sbyte)activation, -1)));

    public static (byte Type, Func<FlatBufferBuilder, int> Write) Resize(bool alignCorners, bool halfPixelCenters) =>
        (15, b => Table(b, 4, () => { b.AddBool(2, alignCorners, !alignCorners); b.AddBool(3, halfPixelCenters, !halfPixelCenters); }));

    public static (byte Type, Func<FlatBufferBuilder, int> Write) DepthToSpace(int blockSize) =>
        (94, b => Table(b, 1, () => b.AddInt(0, blockSize, -1)));

    private static int Table(FlatBufferBuilder b, int fields, Action write)
    {
        b.StartTable(fields);
        write();
        return b.EndTable();
    }

    private int Add(TensorSpec tensor)
    {
        tensors.Add(tensor);
        return tensors.Count - 1;
    }

    private int AddBuffer(byte[] data)
    {
        buffers.Add(data);
        return buffers.Count - 1;
    }

    private static int Sparsity(FlatBufferBuilder b, TfliteSparsity sparsity)
    {
        var dimensions = sparsity.Dimensions.Select(d =>
        {
            var segments = d.IsSparse ? IndexTable(b, d.Segments) : 0;
            var indices = d.IsSparse ? IndexTable(b, d.Indices) : 0;
            b.StartTable(6);
            b.AddSbyte(0, (sbyte)(d.IsSparse ? 1 : 0), -1);
            b.AddInt(1, d.DenseSize, -1);
            b.AddByte(2, (byte)(d.IsSparse ? 1 : 0), 0);       // Int32Vector
            b.AddOffset(3, segments, 0);
            b.AddByte(4, (byte)(d.IsSparse ? 1 : 0), 0);
            b.AddOffset(5, indices, 0);
            return b.EndTable();
        }).ToArray();
        var traversal = IntVector(b, sparsity.TraversalOrder);
        var blockMap = IntVector(b, sparsity.BlockMap);
        var dimensionVector = TableVector(b, dimensions);
        b.StartTable(3);
        b.AddOffset(0, traversal, 0);
        b.AddOffset(1, blockMap, 0);
        b.AddOffset(2, dimensionVector, 0);
        return b.EndTable();
    }

    private static int IndexTable(FlatBufferBuilder b, IReadOnlyList<int> values)
    {
        var vector = IntVector(b, values);
        b.StartTable(1);
        b.AddOffset(0, vector, 0);
        return b.EndTable();
    }

    private static int IntVector(FlatBufferBuilder b, IReadOnlyList<int> values)
    {
        b.StartVector(4, values.Count, 4);
        for (var i = values.Count - 1; i >= 0; i--)
        {
            b.AddInt(values[i]);
        }

        return b.EndVector().Value;
    }

    private static int ByteVector(FlatBufferBuilder b, byte[] values)
    {
        b.StartVector(1, values.Length, 16);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            b.AddByte(values[i]);
        }

        return b.EndVector().Value;
    }

    private static int TableVector(FlatBufferBuilder b, int[] tables)
    {
        b.StartVector(4, tables.Length, 4);
        for (var i = tables.Length - 1; i >= 0; i--)
        {
            b.AddOffset(tables[i]);
        }

        return b.EndVector().Value;
    }

    private sealed record TensorSpec(string Name, int[] Shape, TfliteTensorType Type, int Buffer, TfliteSparsity? Sparsity);

    private sealed record OperatorSpec(TfliteBuiltinOperator Code, int[] Inputs, int[] Outputs, byte OptionsType, Func<FlatBufferBuilder, int>? Options);
}
