using System.Buffers.Binary;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion;

/// <summary>Decoding of constant buffers and dense-array reshuffles used while folding weights (pure functions).</summary>
public static class TensorData
{
    /// <summary>
    /// Element values of a dense constant as float. Float16 widens exactly; integer types give their
    /// integer values (quantized ones still need scale and zero point, which DEQUANTIZE applies).
    /// </summary>
    public static float[] DecodeFloats(TfliteTensorType type, ReadOnlySpan<byte> bytes) => type switch
    {
        TfliteTensorType.Float32 => Decode(bytes, 4, b => BinaryPrimitives.ReadSingleLittleEndian(b)),
        TfliteTensorType.Float16 => Decode(bytes, 2, b => (float)BinaryPrimitives.ReadHalfLittleEndian(b)),
        TfliteTensorType.Int8 => Decode<float>(bytes, 1, b => (sbyte)b[0]),
        TfliteTensorType.UInt8 => Decode<float>(bytes, 1, b => b[0]),
        TfliteTensorType.Int32 => Decode<float>(bytes, 4, b => BinaryPrimitives.ReadInt32LittleEndian(b)),
        _ => throw new NotSupportedException($"Constant tensors of type {type} are not supported."),
    };

    public static int[] DecodeInt32s(TfliteTensorType type, ReadOnlySpan<byte> bytes) => type switch
    {
        TfliteTensorType.Int32 => Decode(bytes, 4, b => BinaryPrimitives.ReadInt32LittleEndian(b)),
        TfliteTensorType.Int64 => Decode(bytes, 8, b => checked((int)BinaryPrimitives.ReadInt64LittleEndian(b))),
        _ => throw new NotSupportedException($"Integer constants of type {type} are not supported."),
    };

    /// <summary>Reorders a dense row-major array so that output axis i is input axis perm[i].</summary>
    public static float[] Transpose(ReadOnlySpan<float> values, IReadOnlyList<int> shape, IReadOnlyList<int> perm)
    {
        var rank = shape.Count;
        if (perm.Count != rank)
        {
            throw new ArgumentException($"Permutation of length {perm.Count} for rank {rank}.", nameof(perm));
        }

        var inStrides = Strides(shape);
        var outShape = perm.Select(axis => shape[axis]).ToArray();
        var result = new float[values.Length];
        var index = new int[rank];
        for (var o = 0; o < result.Length; o++)
        {
            var source = 0;
            for (var axis = 0; axis < rank; axis++)
            {
                source += index[axis] * inStrides[perm[axis]];
            }

            result[o] = values[source];
            for (var axis = rank - 1; axis >= 0; axis--)
            {
                if (++index[axis] < outShape[axis])
                {
                    break;
                }

                index[axis] = 0;
            }
        }

        return result;
    }

    public static int[] Strides(IReadOnlyList<int> shape)
    {
        var strides = new int[shape.Count];
        var stride = 1;
        for (var axis = shape.Count - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }

        return strides;
    }

    private static T[] Decode<T>(ReadOnlySpan<byte> bytes, int size, Func<ReadOnlySpan<byte>, T> read)
    {
        var result = new T[bytes.Length / size];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = read(bytes.Slice(i * size, size));
        }

        return result;
    }
}
