using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using MirrorSense.Capture;
using MirrorSense.Capture.Recording;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Dashboard;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Cli.Live;

/// <summary>
/// Composes a live session: the page (or the terminal view) and consent first, then the camera and microphones
/// through the same stages as <c>analyze</c> paced live, the live synchrony engine and feedback, the recorder, and
/// at the end the post-session report from the recorded folder. A device that fails part-way is shown and the rest
/// go on; nothing recorded before a fault or a stop is lost.
/// </summary>
internal sealed class LiveSession(LiveRequest request, TextWriter console)
{
    public const int ExitOk = 0;
    public const int ExitDeviceFailed = 1;
    public const int ExitCancelled = 130;

    /// <summary>Audio rate asked of microphones: ample for pitch (≤ 600 Hz) and loudness, light on the CPU.</summary>
    private const int MicrophoneRate = 16000;

    public async Task<int> RunAsync(TimeSpan linger, CancellationToken cancellation)
    {
        using var outputs = new LiveOutputs();
        var clock = new SessionClock(TimeProvider.System);
        await using var page = request.Terminal ? null : await StartPage(outputs, clock, cancellation);
        if (!await Consent(page, cancellation))
            return ExitCancelled;

        var devices = OpenDevices(out var failure);
        if (failure is not null)
        {
            console.WriteLine($"mirrorsense live: {failure}");
            devices.Dispose();
            return ExitDeviceFailed;
        }

        using (devices)
        {
            string folder;
            using (var recorder = SessionRecorder.Open(request.Record, Manifest(devices), TimeProvider.System))
            {
                folder = recorder.Folder;
                console.WriteLine($"Recording into {Path.GetFullPath(folder)}" + (request.RawMedia ? " (with raw video and audio)" : " (landmarks, prosody, features, coordination; no raw media)"));
                var stopped = await Capture(devices, recorder, outputs, clock, cancellation);
                recorder.Complete();
                console.WriteLine(stopped ? "Stopped." : "Every source has ended.");
            }

            outputs.Complete();
            var report = PostSessionReport.Write(folder, request.Pose, console, CancellationToken.None);
            if (report is not null && page is not null)
            {
                page.SessionEnded(report);
                console.WriteLine($"Your session report: {page.Address}report (also {report})");
                await Linger(linger, cancellation);
            }
            else if (report is not null)
            {
                console.WriteLine($"Your session report: {report}");
            }
        }

        return cancellation.IsCancellationRequested ? ExitCancelled : ExitOk;
    }

    private async Task<DashboardServer> StartPage(LiveOutputs outputs, SessionClock clock, CancellationToken cancellation)
    {
        var page = await DashboardServer.StartAsync(new DashboardOptions(request.Bind, request.Port, request.Coaching.Cues), outputs.Feed(clock), cancellation);
        console.WriteLine($"Live page: {page.Address}");
        if (request.OpenBrowser)
            Browser.TryOpen(page.Address, console);
        return page;
    }

    /// <summary>Both people agree before anything is captured: on the page, or typed in the terminal.</summary>
    private async Task<bool> Consent(DashboardServer? page, CancellationToken cancellation)
    {
        if (page is not null)
        {
            console.WriteLine("Waiting for both participants to agree to capture on the page…");
            try
            {
                await page.ConsentGiven.WaitAsync(cancellation);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        console.WriteLine("""
            MirrorSense will analyse the camera and microphones on this machine (body landmarks, voice pitch,
            loudness and pace); nothing leaves this computer, and video and audio are kept only with --raw-media.
            Do both participants agree to be captured? Type yes and press Enter:
            """);
        var answer = await Console.In.ReadLineAsync(cancellation);
        return string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }

    private LiveDevices OpenDevices(out string? failure)
    {
        var devices = new LiveDevices();
        failure = null;
        try
        {
            if (request.Camera is { } camera)
                devices.Camera = new CameraSource(new CameraSettings(camera));
            if (request.Microphones.Count > 0)
            {
                var system = Microphones.Detect();
                foreach (var input in request.Microphones)
                {
                    // Opened now, so a missing device is named before the session starts, and reopened by nobody.
                    var source = system.Open(input.Device, new AudioFormat(MicrophoneRate, input.Channels), TimeSpan.FromMilliseconds(50));
                    devices.Microphones.Add((input, source));
                }
            }
        }
        catch (Exception error) when (error is VideoSourceException or AudioSourceException)
        {
            failure = error.Message;
        }

        return devices;
    }

    private RecordingManifest Manifest(LiveDevices devices)
    {
        var inputs = new Dictionary<string, string>();
        if (devices.Camera is { } camera)
            inputs["camera"] = camera.ToString() ?? "camera";
        foreach (var (input, _) in devices.Microphones)
            inputs[input.Voices.Count > 1 ? "microphone" : "microphone_" + input.Voices[0].Speaker.ToString().ToLowerInvariant()] = input.Describe();
        var settings = new Dictionary<string, string>
        {
            ["grid_hz"] = "30",
            ["pose_model"] = request.Pose.Model.ToString().ToLowerInvariant(),
            ["trainee"] = request.Coaching.Trainee.ToString(),
            ["cues"] = request.Coaching.Cues ? "on" : "off",
        };
        var raw = new List<RawMediaFile>();
        if (request.RawMedia)
        {
            if (devices.Camera is not null)
                raw.Add(RawMediaFile.Camera(null));
            foreach (var (input, _) in devices.Microphones)
                raw.AddRange(input.Voices.Select(v => RawMediaFile.Microphone(v.Speaker)));
        }

        return new RecordingManifest(typeof(LiveSession).Assembly.GetName().Version?.ToString() ?? "0", DateTimeOffset.UtcNow, inputs, settings,
            MediaTime.Zero, devices.Camera is null ? [] : CameraCapture.FeatureNames)
        {
            RawMedia = raw,
        };
    }

    /// <summary>Runs the graph until Ctrl+C, the duration, or the end of every source; true when stopped rather than ended.</summary>
    private async Task<bool> Capture(LiveDevices devices, SessionRecorder recorder, LiveOutputs outputs, SessionClock clock, CancellationToken cancellation)
    {
        using var raw = new RawMediaWriters(request.RawMedia ? recorder.Folder : null, devices.Camera?.Format, recorder.PlaceRawMedia);
        var camera = devices.Camera is { } source
            ? new CameraCapture(source, request.Pose, clock, request.RawMedia ? raw.WriteVideo : null, !request.Terminal ? jpeg => outputs.Video.OnNext(new VideoFrame(jpeg.Time, jpeg.Jpeg)) : null)
            {
                Label = $"'{request.Camera}'",
            }
            : null;
        var microphones = devices.Microphones
            .Select(m => new MicrophoneCapture(m.Input, m.Source, clock, request.RawMedia ? raw.WriteAudio : null))
            .ToList();

        using var poseScheduler = new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = "pose" });
        var poses = camera?.Poses(poseScheduler).Publish();
        var body = poses is null || camera is null ? Observable.Empty<FeatureSample>() : camera.Features(poses);
        var layout = new LiveBodyLayout(CameraCapture.FeatureNames, BodySide.PixelMotion, 30);
        var frames = microphones.Select(m => m.Frames).Merge();
        var units = microphones.Select(m => m.Units).Merge();
        var updates = LiveCoordination.Track(
                body.Do(recorder.Write),
                frames.Do(f => recorder.Write(f.Speaker, f.Frame)),
                units,
                layout,
                request.Engine)
            .WithFeedback(request.Coaching)
            .Publish();

        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscriptions = new CompositeDisposable
        {
            updates.Subscribe(
                update =>
                {
                    recorder.Write(update);
                    outputs.Updates.OnNext(update);
                },
                error =>
                {
                    console.WriteLine($"mirrorsense live: the analysis stopped: {error.Message}");
                    ended.TrySetResult();
                },
                () => ended.TrySetResult()),
            Observable.Interval(TimeSpan.FromSeconds(0.5)).Subscribe(_ => outputs.Health.OnNext(Health(camera, microphones, clock))),
        };
        if (poses is not null)
            subscriptions.Add(poses.Subscribe(pose =>
            {
                recorder.Write(pose);
                outputs.Poses.OnNext(pose);
            }));
        using var terminal = request.Terminal ? TerminalView.Start(outputs, console) : null;

        subscriptions.Add(updates.Connect());
        if (poses is not null)
            subscriptions.Add(poses.Connect());
        foreach (var microphone in microphones)
            microphone.Start();

        var stopped = true;
        try
        {
            var deadline = request.Duration is { } duration ? Task.Delay(duration, cancellation) : Task.Delay(Timeout.Infinite, cancellation);
            var first = await Task.WhenAny(ended.Task, deadline);
            stopped = first != ended.Task;
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var microphone in microphones)
            microphone.Dispose();
        subscriptions.Dispose();
        PlaceRawMedia(recorder, camera, microphones);
        return stopped;
    }

    /// <summary>Where each raw file starts on the session clock, with each device's final clock offset.</summary>
    private static void PlaceRawMedia(SessionRecorder recorder, CameraCapture? camera, IReadOnlyList<MicrophoneCapture> microphones)
    {
        foreach (var media in recorder.Manifest.RawMedia)
        {
            var offset = media.Kind == RawMediaKind.Video
                ? camera?.SessionOffset
                : microphones.FirstOrDefault(m => media.Participant is { } who && m.Speakers.Contains(who))?.SessionOffset;
            if (offset is { } start)
                recorder.PlaceRawMedia(media with { StartSeconds = start.TotalSeconds });
        }
    }

    private static CaptureHealth Health(CameraCapture? camera, IReadOnlyList<MicrophoneCapture> microphones, SessionClock clock)
    {
        var sources = new List<SourceStatus>();
        if (camera is not null)
            sources.Add(new SourceStatus(camera.Label, "camera", camera.Live, camera.Live ? null : camera.Problem));
        sources.AddRange(microphones.Select(m => new SourceStatus(m.Label, "microphone", m.Live, m.Live ? null : m.Problem)));
        return new CaptureHealth(clock.Now, sources, camera?.FramesCaptured ?? 0, camera?.FramesDropped ?? 0, camera?.PoseLatencyMs ?? double.NaN);
    }

    private static async Task Linger(TimeSpan linger, CancellationToken cancellation)
    {
        if (linger <= TimeSpan.Zero)
            return;
        try
        {
            await Task.Delay(linger, cancellation);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The opened devices, released together.</summary>
    private sealed class LiveDevices : IDisposable
    {
        public IVideoSource? Camera { get; set; }

        public List<(MicrophoneInput Input, IAudioSource Source)> Microphones { get; } = [];

        public void Dispose()
        {
            Camera?.Dispose();
            foreach (var (_, source) in Microphones)
                source.Dispose();
        }
    }
}
