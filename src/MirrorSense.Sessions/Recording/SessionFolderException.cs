namespace MirrorSense.Sessions.Recording;

/// <summary>A folder that cannot be read as a recorded session; the message names the file and what is wrong.</summary>
public sealed class SessionFolderException(string message, Exception? inner = null) : Exception(message, inner);
