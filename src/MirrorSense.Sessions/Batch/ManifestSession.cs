namespace MirrorSense.Sessions.Batch;

/// <summary>One row of a batch manifest.</summary>
/// <param name="Id">The session's name, unique in the manifest and safe as a folder name.</param>
/// <param name="Row">0-based position among the manifest's sessions (what shards split on).</param>
/// <param name="Line">1-based line of the manifest the row was read from, for messages.</param>
public sealed record ManifestSession(string Id, int Row, int Line, SessionInputs Inputs);

/// <summary>A batch manifest, read and checked: its path (for messages) and its sessions in file order.</summary>
public sealed record BatchManifest(string Path, IReadOnlyList<ManifestSession> Sessions);
