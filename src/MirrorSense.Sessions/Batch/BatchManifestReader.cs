using System.Globalization;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Batch;

/// <summary>
/// Reads a batch manifest: CSV with a header line (semicolons when the header has no comma), one session per row.
/// <c>id</c> is required (unique, a safe folder name); any of <see cref="InputColumns"/> may follow. Relative paths
/// are resolved against the manifest's folder; empty cells mean "not given". Every mistake is reported as
/// <c>file:line:column</c> with what was expected.
/// </summary>
public static class BatchManifestReader
{
    public const string IdColumn = "id";

    /// <summary>The columns a manifest may have besides <c>id</c>, named like <c>mirrorsense analyze</c>'s options.</summary>
    public static IReadOnlyList<string> InputColumns { get; } =
        ["video", "video_a", "video_b", "pose", "audio", "audio_a", "audio_b", "no_audio", "start", "end", "av_offset", "swap"];

    private const int LongestId = 100;

    public static BatchManifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new ManifestFormatException(path, null, null, "no such file.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ManifestFormatException(path, null, null, $"cannot be read: {error.Message}", error);
        }

        var headerIndex = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (headerIndex < 0)
            throw new ManifestFormatException(path, null, null, $"is empty; expected a header line ({IdColumn},{string.Join(',', InputColumns.Take(3))},…) and one row per session.");
        var splitter = new DelimitedLineSplitter(!lines[headerIndex].Contains(',') && lines[headerIndex].Contains(';') ? ';' : ',');
        var columns = Header(path, headerIndex + 1, lines[headerIndex], splitter);

        var sessions = new List<ManifestSession>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var cells = new List<Range>();
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var text = lines[i];
            if (splitter.IsBlank(text))
                continue;
            var line = i + 1;
            if (!splitter.TrySplit(text, cells))
                throw new ManifestFormatException(path, line, cells.Count, "a quote is not closed on this line.");
            if (cells.Count != columns.Length)
                throw new ManifestFormatException(path, line, Math.Min(cells.Count, columns.Length) + (cells.Count > columns.Length ? 1 : 0),
                    $"expected {columns.Length} cells as in the header ({string.Join(',', columns)}), found {cells.Count}.");
            var row = new Row(path, line, columns, [.. cells.Select(c => CellText.Name(text.AsSpan()[c]))]);
            var id = row.Id();
            if (seen.TryGetValue(id, out var first))
                throw new ManifestFormatException(path, line, row.ColumnOf(IdColumn), $"the id '{id}' is used twice (first on line {first}); each session needs its own id, it names its output folder.");
            seen[id] = line;
            sessions.Add(new ManifestSession(id, sessions.Count, line, row.Inputs(folder)));
        }

        if (sessions.Count == 0)
            throw new ManifestFormatException(path, headerIndex + 1, null, "the manifest has a header but no sessions; expected one row per session below it.");
        return new BatchManifest(path, sessions);
    }

    private static string[] Header(string path, int line, string text, DelimitedLineSplitter splitter)
    {
        var cells = new List<Range>();
        if (!splitter.TrySplit(text, cells))
            throw new ManifestFormatException(path, line, cells.Count, "a quote is not closed in the header.");
        var names = cells.Select(c => CellText.Name(text.AsSpan()[c]).ToLowerInvariant()).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (name != IdColumn && !InputColumns.Contains(name))
                throw new ManifestFormatException(path, line, i + 1, $"unknown column '{name}'; expected {IdColumn} and any of {string.Join(", ", InputColumns)}.");
            var earlier = Array.IndexOf(names, name);
            if (earlier < i)
                throw new ManifestFormatException(path, line, i + 1, $"the column '{name}' appears twice (also column {earlier + 1}).");
        }

        if (!names.Contains(IdColumn))
            throw new ManifestFormatException(path, line, 1, $"the header has no '{IdColumn}' column (found: {string.Join(", ", names)}); every session needs an id, it names its output folder.");
        return names;
    }

    /// <summary>One data row's cells by column name, read into a session's inputs.</summary>
    private sealed class Row(string path, int line, string[] columns, string[] cells)
    {
        public int ColumnOf(string name) => Array.IndexOf(columns, name) + 1;

        public string Id()
        {
            var id = Cell(IdColumn)!;
            var column = ColumnOf(IdColumn);
            if (id.Length == 0)
                throw new ManifestFormatException(path, line, column, "the id is empty; every session needs one, it names its output folder.");
            if (id.Length > LongestId || id is "." or ".." || !char.IsAsciiLetterOrDigit(id[0]) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                throw new ManifestFormatException(path, line, column,
                    $"the id '{id}' cannot name a folder; expected up to {LongestId} letters, digits, '.', '_' or '-', starting with a letter or digit.");
            return id;
        }

        public SessionInputs Inputs(string folder) => new(
            File(folder, "video"),
            File(folder, "video_a"),
            File(folder, "video_b"),
            File(folder, "pose"),
            File(folder, "audio"),
            File(folder, "audio_a"),
            File(folder, "audio_b"),
            Flag("no_audio"),
            Number("start") ?? 0,
            Number("end"),
            Number("av_offset") ?? 0,
            Flag("swap"));

        private string? Cell(string name)
        {
            var index = Array.IndexOf(columns, name);
            return index < 0 ? null : cells[index];
        }

        private string? File(string folder, string name) =>
            Cell(name) is { Length: > 0 } given ? Path.GetFullPath(given, folder) : null;

        private bool Flag(string name) => Cell(name) switch
        {
            null or "" => false,
            var text when text.ToLowerInvariant() is "true" or "yes" or "1" => true,
            var text when text.ToLowerInvariant() is "false" or "no" or "0" => false,
            var text => throw new ManifestFormatException(path, line, ColumnOf(name), $"{name} is '{text}'; expected true or false (yes/no, 1/0) or an empty cell."),
        };

        private double? Number(string name)
        {
            if (Cell(name) is not { Length: > 0 } text)
                return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                return value;
            throw new ManifestFormatException(path, line, ColumnOf(name), $"{name} is '{text}'; expected a number of seconds (e.g. 12.5) or an empty cell.");
        }
    }
}
