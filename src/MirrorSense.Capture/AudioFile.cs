namespace MirrorSense.Capture;

/// <summary>
/// Opens a recording with the backend its kind needs: WAV/AIFF through NAudio.Core, MP3 through NLayer, anything else
/// (video containers, other codecs) through an ffmpeg child process reading its audio track. Checks what every
/// analysis needs before the first read: the file exists and is not empty, and it is sampled at 8 kHz or more.
/// </summary>
public static class AudioFile
{
    /// <summary>Below this, speech pitch and intensity analyses are not meaningful (telephone band is 8 kHz).</summary>
    public const int MinimumSampleRate = 8000;

    public static IAudioSource Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new AudioSourceException(path, "no such file.");
        if (file.Length == 0)
            throw new AudioSourceException(path, "the file is empty (0 bytes).");
        IAudioSource source = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".wav" or ".wave" or ".aif" or ".aiff" or ".aifc" => NAudioFileSource.Open(path),
            ".mp3" or ".mp2" => Mp3FileSource.Open(path),
            _ => FfmpegAudioSource.Open(path),
        };
        if (source.Format.SampleRate < MinimumSampleRate)
        {
            var rate = source.Format.SampleRate;
            source.Dispose();
            throw new AudioSourceException(path,
                $"sampled at {rate} Hz; at least {MinimumSampleRate} Hz is needed for pitch and intensity analysis. Record or export at a higher rate.");
        }
        return source;
    }

    /// <summary>One participant's mono signal from a file: a channel of it or its mix, at its own rate or resampled.</summary>
    public static IAudioSource OpenMono(string path, ChannelSelection channel = ChannelSelection.Mix, int? sampleRate = null)
    {
        var source = Open(path);
        try
        {
            IAudioSource mono = new ChannelSelectingSource(source, channel);
            return sampleRate is { } rate && rate != mono.Format.SampleRate ? new ResamplingSource(mono, rate) : mono;
        }
        catch (ArgumentException error)
        {
            source.Dispose();
            throw new AudioSourceException(path, error.Message, error);
        }
    }
}
