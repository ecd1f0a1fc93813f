namespace MirrorSense.Sessions.Readers;

/// <summary>
/// Opens a table for reading while its writer may still hold it (a recording in progress), optionally only its first
/// <c>length</c> bytes: the whole rows of a table a crash tore (see <see cref="Recording.RecordedTableFile"/>).
/// </summary>
internal static class TableText
{
    public static StreamReader Open(string path, long? length = null)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(length is { } limit ? new PrefixStream(file, limit) : file);
    }

    /// <summary>The first bytes of a stream, read forwards only; the rest of the file does not exist for the reader.</summary>
    private sealed class PrefixStream(Stream inner, long length) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var remaining = length - _read;
            if (remaining <= 0)
                return 0;
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
            _read += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
