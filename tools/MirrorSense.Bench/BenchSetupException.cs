namespace MirrorSense.Bench;

/// <summary>The machine lacks what a benchmark needs (reference data, a tool); the message says what to set or install.</summary>
internal sealed class BenchSetupException(string message) : Exception(message);
