using MirrorSense.Core;

namespace MirrorSense.Sessions.Recording;

/// <summary>
/// A recorded session folder opened for reading, checked first: the manifest must be present and readable; each
/// table is measured so readers skip a row torn by a crash; and what a crash left behind is said in
/// <see cref="Warnings"/> (the recording was cut short, a torn row was skipped, a listed file is gone) instead of failing.
/// </summary>
public sealed class SessionFolder
{
    private readonly Dictionary<string, RecordedTableFile> _tables;

    private SessionFolder(string path, RecordingManifest manifest, Dictionary<string, RecordedTableFile> tables, IReadOnlyList<string> warnings)
    {
        Path = path;
        Manifest = manifest;
        _tables = tables;
        Warnings = warnings;
    }

    public string Path { get; }

    public RecordingManifest Manifest { get; }

    /// <summary>True when the recording did not stop cleanly (a crash, a kill, a power cut).</summary>
    public bool CutShort => !Manifest.Complete;

    public IReadOnlyList<string> Warnings { get; }

    /// <exception cref="SessionFolderException">No such folder, no manifest, or a manifest that cannot be read.</exception>
    public static SessionFolder Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Directory.Exists(path))
            throw new SessionFolderException($"'{path}': no such folder.");
        var manifestPath = System.IO.Path.Combine(path, SessionRecorder.ManifestFileName);
        if (!File.Exists(manifestPath))
            throw new SessionFolderException($"'{manifestPath}': no such file; '{path}' is not a recorded session (mirrorsense live --record DIR writes one).");
        RecordingManifest manifest;
        try
        {
            manifest = RecordingManifestJson.Read(File.ReadAllText(manifestPath));
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new SessionFolderException($"'{manifestPath}': cannot be read as a recording manifest: {error.Message}", error);
        }

        var warnings = new List<string>();
        if (!manifest.Complete)
            warnings.Add($"the recording in '{path}' was cut short (it did not stop cleanly): it covers what was written until then.");
        var tables = new Dictionary<string, RecordedTableFile>(StringComparer.Ordinal);
        foreach (var name in manifest.Files.Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            var file = System.IO.Path.Combine(path, name);
            if (!File.Exists(file))
            {
                warnings.Add($"'{file}' is listed in the manifest but missing.");
                continue;
            }

            var table = RecordedTableFile.Measure(file);
            if (table.TornBytes > 0)
                warnings.Add($"'{file}': the last row was cut off ({table.TornBytes} bytes after the last complete line) and is skipped.");
            if (table.CompleteLength == 0)
            {
                warnings.Add($"'{file}' has not even a complete header line; it is skipped.");
                continue;
            }

            tables[name] = table;
        }

        foreach (var media in manifest.RawMedia.Where(m => !File.Exists(System.IO.Path.Combine(path, m.File))))
            warnings.Add($"raw media '{media.File}' is listed in the manifest but missing.");
        return new SessionFolder(path, manifest, tables, warnings);
    }

    /// <summary>A table by file name (e.g. <see cref="SessionRecorder.PoseFileName"/>), or null when it is missing or empty.</summary>
    public RecordedTableFile? Table(string name) => _tables.GetValueOrDefault(name);

    /// <summary>The raw media file of this kind for this participant (null: the one camera showing both), or null when none was recorded.</summary>
    public RawMediaFile? RawMedia(RawMediaKind kind, Participant? participant) =>
        Manifest.RawMedia.FirstOrDefault(m => m.Kind == kind && m.Participant == participant && File.Exists(PathOf(m)));

    /// <summary>Where a raw media file of this session is.</summary>
    public string PathOf(RawMediaFile media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return System.IO.Path.Combine(Path, media.File);
    }
}
