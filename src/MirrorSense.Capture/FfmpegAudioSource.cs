using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// The audio track of a video (or any file ffmpeg decodes), streamed from an <c>ffmpeg</c> child process as raw
/// 32-bit floats on its standard output. The process is ended on dispose; a non-zero exit becomes an
/// <see cref="AudioSourceException"/> carrying the end of ffmpeg's own message.
/// </summary>
public sealed class FfmpegAudioSource : IAudioSource
{
    private const int KeptErrorLines = 8;

    private readonly Process _process;
    private readonly Stream _output;
    private readonly Queue<string> _errorTail = new();
    private readonly Lock _errorGate = new();
    private byte[] _bytes = [];
    private int _carried;
    private bool _ended;

    private FfmpegAudioSource(string path, AudioFormat format, Process process)
    {
        Name = path;
        Format = format;
        _process = process;
        _output = process.StandardOutput.BaseStream;
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
                return;
            lock (_errorGate)
            {
                _errorTail.Enqueue(line.Data);
                if (_errorTail.Count > KeptErrorLines)
                    _errorTail.Dequeue();
            }
        };
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public AudioFormat Format { get; }

    /// <summary>
    /// Starts ffmpeg on the first audio track of <paramref name="path"/>, converted to <paramref name="format"/>, or to
    /// the track's own rate and channel count (asked of ffprobe) when null.
    /// </summary>
    public static FfmpegAudioSource Open(string path, AudioFormat? format = null)
    {
        if (!File.Exists(path))
            throw new AudioSourceException(path, "no such file.");
        format ??= Probe(path);
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-vn", "-map", "0:a:0",
                     "-ac", format.Channels.ToString(CultureInfo.InvariantCulture),
                     "-ar", format.SampleRate.ToString(CultureInfo.InvariantCulture), "-f", "f32le", "-",
                 })
            start.ArgumentList.Add(argument);
        return new FfmpegAudioSource(path, format, StartTool(start, path));
    }

    public int Read(Span<float> into)
    {
        if (_ended)
            return 0;
        var frameBytes = Format.Channels * sizeof(float);
        var wanted = (into.Length / Format.Channels) * frameBytes;
        if (wanted == 0)
            return 0;
        if (_bytes.Length < wanted)
            Array.Resize(ref _bytes, wanted);
        // Fill at least one whole frame; keep any partial frame for the next call.
        var filled = _carried;
        while (filled < frameBytes || (filled < wanted && filled % frameBytes != 0))
        {
            var count = _output.Read(_bytes, filled, wanted - filled);
            if (count == 0)
                break;
            filled += count;
        }
        var whole = filled - filled % frameBytes;
        if (whole == 0)
        {
            _ended = true;
            CheckExit();
            return 0;
        }
        MemoryMarshal.Cast<byte, float>(_bytes.AsSpan(0, whole)).CopyTo(into);
        _carried = filled - whole;
        _bytes.AsSpan(whole, _carried).CopyTo(_bytes);
        return whole / sizeof(float);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void CheckExit()
    {
        _process.WaitForExit();
        if (_process.ExitCode == 0)
            return;
        string message;
        lock (_errorGate)
            message = string.Join(" ", _errorTail).Trim();
        throw new AudioSourceException(Name, $"ffmpeg could not decode the audio (exit {_process.ExitCode}): {(message.Length > 0 ? message : "no message")}");
    }

    private static AudioFormat Probe(string path)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=sample_rate,channels", "-of", "csv=p=0", path })
            start.ArgumentList.Add(argument);
        using var probe = StartTool(start, path);
        var error = probe.StandardError.ReadToEndAsync();
        var output = probe.StandardOutput.ReadToEnd().Trim();
        probe.WaitForExit();
        if (probe.ExitCode != 0)
            throw new AudioSourceException(path, $"ffprobe cannot read it: {error.Result.Trim()}");
        var fields = output.Split('\n')[0].Split(',');
        if (output.Length == 0 || fields.Length < 2)
            throw new AudioSourceException(path, "has no audio track.");
        // ffprobe prints the fields in its own order (sample_rate before channels).
        if (!int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate) || rate <= 0 ||
            !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var channels) || channels <= 0)
            throw new AudioSourceException(path, $"ffprobe reported an audio format that makes no sense: '{output}'.");
        return new AudioFormat(rate, channels);
    }

    private static Process StartTool(ProcessStartInfo start, string path)
    {
        try
        {
            return Process.Start(start) ?? throw new AudioSourceException(path, $"could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new AudioSourceException(path,
                $"{start.FileName} is needed to read the audio of this file but could not be started ({error.Message}); install ffmpeg (tools/install-prerequisites.sh).", error);
        }
    }
}
