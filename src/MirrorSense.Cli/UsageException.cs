namespace MirrorSense.Cli;

/// <summary>A combination of inputs or options that cannot work; the message says what to give instead.</summary>
internal sealed class UsageException(string message) : Exception(message);
