namespace MirrorSense.Dashboard;

/// <summary>One capture device as the page lists it.</summary>
/// <param name="Kind">"camera" or "microphone".</param>
/// <param name="Problem">What is wrong in plain words (device lost, no signal), null when fine.</param>
public sealed record SourceStatus(string Name, string Kind, bool Live, string? Problem);
