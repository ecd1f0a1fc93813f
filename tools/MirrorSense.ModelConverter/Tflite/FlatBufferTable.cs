using System.Buffers.Binary;
using System.Text;

namespace MirrorSense.ModelConverter.Tflite;

/// <summary>
/// A read-only view of one FlatBuffers table: just the wire rules TFLite files need (vtable lookup,
/// scalars with schema defaults, offsets to tables, strings and vectors). Fields are addressed by
/// their declaration index in the schema, so callers read like the schema does.
/// </summary>
public readonly struct FlatBufferTable
{
    private readonly ReadOnlyMemory<byte> buffer;
    private readonly int position;

    private FlatBufferTable(ReadOnlyMemory<byte> buffer, int position)
    {
        this.buffer = buffer;
        this.position = position;
    }

    /// <summary>The root table of a finished buffer (its first four bytes are the offset to it).</summary>
    public static FlatBufferTable Root(ReadOnlyMemory<byte> buffer)
    {
        if (buffer.Length < 8)
        {
            throw new InvalidDataException($"A FlatBuffer needs at least 8 bytes; this one has {buffer.Length}.");
        }

        return new FlatBufferTable(buffer, checked((int)ReadUInt32(buffer.Span, 0)));
    }

    /// <summary>The 4-character file identifier stored after the root offset ("TFL3" for TFLite).</summary>
    public static string Identifier(ReadOnlyMemory<byte> buffer) =>
        buffer.Length < 8 ? string.Empty : Encoding.ASCII.GetString(buffer.Span.Slice(4, 4));

    public bool Has(int field) => FieldOffset(field) != 0;

    public int GetInt32(int field, int defaultValue = 0)
    {
        var offset = FieldOffset(field);
        return offset == 0 ? defaultValue : BinaryPrimitives.ReadInt32LittleEndian(Span[(position + offset)..]);
    }

    public uint GetUInt32(int field, uint defaultValue = 0)
    {
        var offset = FieldOffset(field);
        return offset == 0 ? defaultValue : ReadUInt32(Span, position + offset);
    }

    public ulong GetUInt64(int field, ulong defaultValue = 0)
    {
        var offset = FieldOffset(field);
        return offset == 0 ? defaultValue : BinaryPrimitives.ReadUInt64LittleEndian(Span[(position + offset)..]);
    }

    public sbyte GetSByte(int field, sbyte defaultValue = 0)
    {
        var offset = FieldOffset(field);
        return offset == 0 ? defaultValue : unchecked((sbyte)Span[position + offset]);
    }

    public byte GetByte(int field, byte defaultValue = 0)
    {
        var offset = FieldOffset(field);
        return offset == 0 ? defaultValue : Span[position + offset];
    }

    public bool GetBool(int field, bool defaultValue = false)
    {
        var offset = FieldOffset(field);
        return offset == 0 ? defaultValue : Span[position + offset] != 0;
    }

    public FlatBufferTable? GetTable(int field)
    {
        var target = Indirect(field);
        return target < 0 ? null : new FlatBufferTable(buffer, target);
    }

    public string? GetString(int field)
    {
        var target = Indirect(field);
        if (target < 0)
        {
            return null;
        }

        var length = checked((int)ReadUInt32(Span, target));
        return Encoding.UTF8.GetString(Span.Slice(target + 4, length));
    }

    /// <summary>The bytes of a [ubyte] or [byte] vector, without copying.</summary>
    public ReadOnlyMemory<byte> GetBytes(int field)
    {
        var (start, length) = Vector(field);
        return length == 0 ? ReadOnlyMemory<byte>.Empty : buffer.Slice(start, length);
    }

    public IReadOnlyList<int> GetInt32Vector(int field)
    {
        var (start, length) = Vector(field);
        var values = new int[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(Span[(start + 4 * i)..]);
        }

        return values;
    }

    public IReadOnlyList<int> GetUInt16Vector(int field)
    {
        var (start, length) = Vector(field);
        var values = new int[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16LittleEndian(Span[(start + 2 * i)..]);
        }

        return values;
    }

    public IReadOnlyList<int> GetUInt8Vector(int field)
    {
        var (start, length) = Vector(field);
        var values = new int[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = Span[start + i];
        }

        return values;
    }

    public IReadOnlyList<float> GetFloatVector(int field)
    {
        var (start, length) = Vector(field);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(Span[(start + 4 * i)..]);
        }

        return values;
    }

    public IReadOnlyList<long> GetInt64Vector(int field)
    {
        var (start, length) = Vector(field);
        var values = new long[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt64LittleEndian(Span[(start + 8 * i)..]);
        }

        return values;
    }

    public IReadOnlyList<FlatBufferTable> GetTableVector(int field)
    {
        var (start, length) = Vector(field);
        var tables = new FlatBufferTable[length];
        for (var i = 0; i < length; i++)
        {
            var slot = start + 4 * i;
            tables[i] = new FlatBufferTable(buffer, checked(slot + (int)ReadUInt32(Span, slot)));
        }

        return tables;
    }

    private ReadOnlySpan<byte> Span => buffer.Span;

    /// <summary>Where the field lives relative to the table start, or 0 when the vtable says it is absent.</summary>
    private int FieldOffset(int field)
    {
        var span = Span;
        var vtable = position - BinaryPrimitives.ReadInt32LittleEndian(span[position..]);
        var vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(span[vtable..]);
        var entry = 4 + 2 * field;
        return entry + 2 > vtableSize ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(span[(vtable + entry)..]);
    }

    /// <summary>The absolute position an offset field points at, or -1 when absent.</summary>
    private int Indirect(int field)
    {
        var offset = FieldOffset(field);
        if (offset == 0)
        {
            return -1;
        }

        var slot = position + offset;
        return checked(slot + (int)ReadUInt32(Span, slot));
    }

    /// <summary>Start of the elements and the element count of a vector field (0 when absent).</summary>
    private (int Start, int Length) Vector(int field)
    {
        var target = Indirect(field);
        return target < 0 ? (0, 0) : (target + 4, checked((int)ReadUInt32(Span, target)));
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);
}
