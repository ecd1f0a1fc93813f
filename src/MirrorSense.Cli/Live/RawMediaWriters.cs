using MirrorSense.Capture;
using MirrorSense.Capture.Recording;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Recording;
using OpenCvSharp;

namespace MirrorSense.Cli.Live;

/// <summary>
/// The raw video and voices of a session, written only when the user asked (--raw-media): each camera as MJPG AVI,
/// each participant's voice as WAV, under the names the manifest gives them. Each file is written by one device's
/// thread; files open on their device's first frame or block, and where that lies on the session clock goes into the
/// manifest at once (<paramref name="place"/>), so even a folder left by a crash aligns.
/// </summary>
internal sealed class RawMediaWriters(string? folder, Func<Participant?, VideoFormat?> camera, Action<RawMediaFile> place) : IDisposable
{
    private readonly Dictionary<Participant, MicrophoneRecording> _voices = [];
    private readonly Lock _gate = new();

    /// <summary>The shared camera under no participant, or each person's camera under theirs.</summary>
    private readonly Dictionary<string, CameraRecording> _videos = [];

    /// <summary>A frame of the camera showing <paramref name="shows"/> (null: both people).</summary>
    public void WriteVideo(Participant? shows, Mat frame, MediaTime time)
    {
        if (folder is null)
            return;
        CameraRecording? video;
        lock (_gate)
        {
            var file = RawMediaFile.Camera(shows).File;
            if (!_videos.TryGetValue(file, out video))
            {
                _videos[file] = video = new CameraRecording(Path.Combine(folder, file),
                    camera(shows) is { FramesPerSecond: > 0 } format ? format.FramesPerSecond : 30, frame.Width, frame.Height);
                place(RawMediaFile.Camera(shows, time.Seconds));
            }
        }

        video.Write(frame);
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
        lock (_gate)
        {
            foreach (var video in _videos.Values)
                video.Dispose();
            foreach (var voice in _voices.Values)
                voice.Dispose();
        }
    }
}
