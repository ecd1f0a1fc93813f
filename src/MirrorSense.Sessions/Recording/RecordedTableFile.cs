namespace MirrorSense.Sessions.Recording;

/// <summary>
/// A table of a recorded folder and how much of it is whole: <see cref="CompleteLength"/> bytes up to and including
/// the last newline. A process killed mid-row leaves a torn last line behind; readers read only the whole rows.
/// </summary>
public sealed record RecordedTableFile(string Path, long CompleteLength, long Length)
{
    /// <summary>Bytes after the last newline: a row cut off by a crash.</summary>
    public long TornBytes => Length - CompleteLength;

    public static RecordedTableFile Measure(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = file.Length;
        var buffer = new byte[4096];
        var end = length;
        // Backwards from the end: a torn row is at most one row long, so this reads a block or two, not the file.
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            var count = (int)(end - start);
            file.Position = start;
            file.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
                return new RecordedTableFile(path, start + newline + 1, length);
            end = start;
        }

        return new RecordedTableFile(path, 0, length);
    }
}
