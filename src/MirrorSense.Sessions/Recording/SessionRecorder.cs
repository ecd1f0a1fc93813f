using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Pose;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Sessions.Recording;

/// <summary>
/// Records a live session into a folder that survives a crash: <c>manifest.json</c> (written at the start with
/// <c>complete: false</c>, rewritten by <see cref="Complete"/>), and <c>pose.csv</c>, <c>prosody.csv</c>,
/// <c>features.csv</c> and <c>coordination.csv</c>, appended row by row as the graph produces them and handed to the
/// operating system at least once every <see cref="FlushInterval"/>: a <c>kill -9</c> loses at most the last second.
/// Each table has its own lock, so pose, both voices, features and updates can arrive on their own threads.
/// Raw media is not written here: its writers live with the devices (Capture) and are listed in the manifest.
/// </summary>
public sealed class SessionRecorder : IDisposable
{
    public const string ManifestFileName = "manifest.json";
    public const string PoseFileName = "pose.csv";
    public const string ProsodyFileName = "prosody.csv";
    public const string FeaturesFileName = "features.csv";
    public const string CoordinationFileName = "coordination.csv";

    /// <summary>The longest rows wait in memory before they reach the operating system.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock;
    private readonly RecordedTable<PoseCsvWriter> _pose;
    private readonly RecordedTable<ProsodyFrameCsvWriter> _prosody;
    private readonly RecordedTable<FeatureCsvWriter> _features;
    private readonly RecordedTable<CoordinationUpdateCsvWriter> _coordination;
    private readonly ITimer _flushTimer;
    private readonly Lock _stateGate = new();
    private bool _stopped;

    private SessionRecorder(string folder, RecordingManifest manifest, TimeProvider clock)
    {
        Folder = folder;
        _clock = clock;
        var opened = new List<IDisposable>();
        try
        {
            _pose = new RecordedTable<PoseCsvWriter>(Combine(PoseFileName), clock, text => new PoseCsvWriter(text));
            opened.Add(_pose);
            _prosody = new RecordedTable<ProsodyFrameCsvWriter>(Combine(ProsodyFileName), clock, text => new ProsodyFrameCsvWriter(text));
            opened.Add(_prosody);
            _features = new RecordedTable<FeatureCsvWriter>(Combine(FeaturesFileName), clock, text => new FeatureCsvWriter(text, new FeatureSchema(manifest.FeatureNames), leaveOpen: true));
            opened.Add(_features);
            _coordination = new RecordedTable<CoordinationUpdateCsvWriter>(Combine(CoordinationFileName), clock, text => new CoordinationUpdateCsvWriter(text));
        }
        catch
        {
            // A table that cannot be created (disk full, no permission) must not leave the others open.
            opened.ForEach(table => table.Dispose());
            throw;
        }

        Manifest = manifest with
        {
            Files = [PoseFileName, ProsodyFileName, FeaturesFileName, CoordinationFileName, .. manifest.RawMedia.Select(m => m.File)],
            Complete = false,
            EndedUtc = null,
        };
        // The manifest comes after the tables exist: a folder with a manifest always has every table it lists.
        RecordingManifestJson.Write(Combine(ManifestFileName), Manifest);
        // The timer flushes rows that nobody follows (a voice that fell silent, the last update before a stall).
        _flushTimer = clock.CreateTimer(_ => FlushDue(), null, FlushInterval, FlushInterval);
    }

    public string Folder { get; }

    /// <summary>The manifest as last written.</summary>
    public RecordingManifest Manifest { get; private set; }

    /// <summary>Starts a recording in <paramref name="folder"/> (created if needed).</summary>
    /// <param name="start">What is recorded; <see cref="RecordingManifest.Files"/> and <see cref="RecordingManifest.Complete"/> are set here.</param>
    /// <param name="clock">Paces the flushes (the system clock live; a fake one in tests).</param>
    /// <exception cref="IOException">The folder already holds a recording (it is never overwritten), or cannot be written.</exception>
    public static SessionRecorder Open(string folder, RecordingManifest start, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(clock);
        if (start.FeatureNames.Count == 0)
            throw new ArgumentException("The manifest must name the features of features.csv.", nameof(start));
        Directory.CreateDirectory(folder);
        foreach (var name in (string[])[ManifestFileName, PoseFileName, ProsodyFileName, FeaturesFileName, CoordinationFileName])
        {
            if (File.Exists(Path.Combine(folder, name)))
                throw new IOException($"'{folder}' already holds a recording ({name}); choose a new folder: recordings are never overwritten.");
        }

        return new SessionRecorder(folder, start, clock);
    }

    // Rows that arrive after Complete or Dispose are dropped: the producers run on their own threads and may be mid-frame.

    /// <summary>Landmarks of one frame: one row per person and landmark.</summary>
    public void Write(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _pose.Append(rows => rows.Write(frame));
    }

    /// <summary>One 10 ms prosody frame of one speaker (f0 NaN when unvoiced).</summary>
    public void Write(Participant speaker, ProsodyFrame frame) => _prosody.Append(rows => rows.Write(speaker, frame));

    /// <summary>One grid sample of both participants' features (names and order as in the manifest).</summary>
    public void Write(FeatureSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _features.Append(rows => rows.Write(sample));
    }

    /// <summary>One live update: a row per channel.</summary>
    public void Write(CoordinationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _coordination.Append(rows => rows.Write(update));
    }

    /// <summary>
    /// Records where a raw media file starts on the session clock (known only once its device has delivered), in the
    /// manifest on disk at once, so a folder left by a crash can still align its WAVs and video.
    /// </summary>
    public void PlaceRawMedia(RawMediaFile media)
    {
        ArgumentNullException.ThrowIfNull(media);
        lock (_stateGate)
        {
            if (_stopped)
                return;
            Manifest = Manifest with { RawMedia = [.. Manifest.RawMedia.Select(m => m.File == media.File ? media : m)] };
            RecordingManifestJson.Write(Path.Combine(Folder, ManifestFileName), Manifest);
        }
    }

    /// <summary>A clean stop: every row to disk, the tables closed, and the manifest marked complete with the end time.</summary>
    public void Complete()
    {
        if (!Stop())
            return;
        Manifest = Manifest with { Complete = true, EndedUtc = _clock.GetUtcNow() };
        RecordingManifestJson.Write(Path.Combine(Folder, ManifestFileName), Manifest);
    }

    /// <summary>Closes the tables; without <see cref="Complete"/> first, the manifest keeps saying the recording was cut short.</summary>
    public void Dispose() => Stop();

    private bool Stop()
    {
        lock (_stateGate)
        {
            if (_stopped)
                return false;
            _stopped = true;
        }

        _flushTimer.Dispose();
        _pose.Dispose();
        _prosody.Dispose();
        _features.Dispose();
        _coordination.Dispose();
        return true;
    }

    private void FlushDue()
    {
        _pose.FlushIfDue();
        _prosody.FlushIfDue();
        _features.FlushIfDue();
        _coordination.FlushIfDue();
    }

    private string Combine(string name) => Path.Combine(Folder, name);
}
