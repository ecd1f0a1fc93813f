using MirrorSense.Capture;
using MirrorSense.Capture.Recording;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Recording;
using OpenCvSharp;

namespace MirrorSense.Cli.Live;

/// <summary>
/// The raw video and voices of a session, written only when the user asked (--raw-media): the camera as MJPG AVI,
/// each participant's voice as WAV, under the names the manifest gives them. Each file is written by one device's
/// thread; files open on their device's first frame or block, and where that lies on the session clock goes into the
/// manifest at once (<paramref name="place"/>), so even a folder left by a crash aligns.
/// </summary>
internal sealed class RawMediaWriters(string? folder, VideoFormat? camera, Action<RawMediaFile> place) : IDisposable
{
    private readonly Dictionary<Participant, MicrophoneRecording> _voices = [];
    private readonly Lock _gate = new();
    private CameraRecording? _video;

    public void WriteVideo(Mat frame, MediaTime time)
    {
        if (folder is null)
            return;
        if (_video is null)
        {
            _video = new CameraRecording(Path.Combine(folder, RawMediaFile.Camera(null).File),
                camera is { FramesPerSecond: > 0 } format ? format.FramesPerSecond : 30, frame.Width, frame.Height);
            place(RawMediaFile.Camera(null, time.Seconds));
        }

        _video.Write(frame);
    }

    public void WriteAudio(Participant speaker, AudioFormat format, ReadOnlyMemory<float> samples, MediaTime start)
    {
        if (folder is null)
            return;
        MicrophoneRecording? recording;
        lock (_gate)
        {
            if (!_voices.TryGetValue(speaker, out recording))
            {
                _voices[speaker] = recording = new MicrophoneRecording(Path.Combine(folder, RawMediaFile.Microphone(speaker).File), format, TimeProvider.System);
                place(RawMediaFile.Microphone(speaker, start.Seconds));
            }
        }

        recording.Write(new AudioBlock(default, format, samples));
    }

    public void Dispose()
    {
        _video?.Dispose();
        lock (_gate)
        {
            foreach (var voice in _voices.Values)
                voice.Dispose();
        }
    }
}
