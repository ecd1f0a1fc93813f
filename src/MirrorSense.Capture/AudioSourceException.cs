namespace MirrorSense.Capture;

/// <summary>An audio source could not be opened or failed while delivering; the message names the file or device.</summary>
public sealed class AudioSourceException : IOException
{
    public AudioSourceException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        SourceName = source;
        Problem = problem;
    }

    /// <summary>The file or device.</summary>
    public string SourceName { get; }

    /// <summary>What went wrong, without the source's name.</summary>
    public string Problem { get; }
}
