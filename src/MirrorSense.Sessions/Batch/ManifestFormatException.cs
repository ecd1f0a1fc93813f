namespace MirrorSense.Sessions.Batch;

/// <summary>
/// A batch manifest that cannot be used: missing, empty, or with a bad header or cell. The message starts with
/// <c>file:line:column</c> (the parts that apply), then says what was expected and what was found.
/// </summary>
public sealed class ManifestFormatException(string filePath, int? line, int? column, string problem, Exception? innerException = null)
    : Exception($"{Location(filePath, line, column)}: {problem}", innerException)
{
    public string FilePath { get; } = filePath;

    /// <summary>1-based line, or null when the problem concerns the whole file.</summary>
    public int? Line { get; } = line;

    /// <summary>1-based column, or null when no single column is at fault.</summary>
    public int? Column { get; } = column;

    private static string Location(string filePath, int? line, int? column) =>
        (line, column) switch
        {
            (int l, int c) => $"{filePath}:{l}:{c}",
            (int l, null) => $"{filePath}:{l}",
            _ => filePath,
        };
}
