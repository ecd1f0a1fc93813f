namespace MirrorSense.Sessions.Readers;

/// <summary>
/// A series file that cannot be read as a dyad: missing, empty, malformed, or without the selected
/// columns. The message starts with <c>file:line:column</c> (the parts that apply) so editors and
/// terminals can jump to the spot, then says what was expected and what was found.
/// </summary>
public sealed class SeriesFormatException : Exception
{
    public SeriesFormatException(string filePath, int? line, int? column, string problem, Exception? innerException = null)
        : base($"{Location(filePath, line, column)}: {problem}", innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string FilePath { get; }

    /// <summary>1-based physical line of the file, or null when the problem concerns the whole file.</summary>
    public int? Line { get; }

    /// <summary>1-based column (field) number on <see cref="Line"/>, or null when no single column is at fault.</summary>
    public int? Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Problem { get; }

    private static string Location(string filePath, int? line, int? column) =>
        (line, column) switch
        {
            (int l, int c) => $"{filePath}:{l}:{c}",
            (int l, null) => $"{filePath}:{l}",
            _ => filePath,
        };
}
