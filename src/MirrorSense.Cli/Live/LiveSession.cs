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
using MirrorSense.Vision.Streaming;

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

        var faces = request.Faces ? ", face landmarks (smile, where the head points)" : "";
        console.WriteLine($"""
            MirrorSense will analyse the camera and microphones on this machine (body landmarks{faces}, voice pitch,
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
            foreach (var camera in request.Cameras)
                devices.Cameras.Add((camera, camera.Open()));
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
        foreach (var (camera, source) in devices.Cameras)
            inputs[RecordingManifest.CameraRole(camera.Shows)] = source.ToString() ?? camera.Device;
        foreach (var (input, _) in devices.Microphones)
            inputs[input.Voices.Count > 1 ? "microphone" : "microphone_" + input.Voices[0].Speaker.ToString().ToLowerInvariant()] = input.Describe();
        var settings = new Dictionary<string, string>
        {
            ["grid_hz"] = CameraCapture.LiveGrid.SampleRate.ToString(CultureInfo.InvariantCulture),
            ["pose_model"] = request.Pose.Model.ToString().ToLowerInvariant(),
            ["trainee"] = request.Coaching.Trainee.ToString(),
            ["cues"] = request.Coaching.Cues ? "on" : "off",
            ["faces"] = request.Faces ? "on" : "off",
        };
        var raw = new List<RawMediaFile>();
        if (request.RawMedia)
        {
            raw.AddRange(devices.Cameras.Select(c => RawMediaFile.Camera(c.Input.Shows)));
            foreach (var (input, _) in devices.Microphones)
                raw.AddRange(input.Voices.Select(v => RawMediaFile.Microphone(v.Speaker)));
        }

        return new RecordingManifest(typeof(LiveSession).Assembly.GetName().Version?.ToString() ?? "0", DateTimeOffset.UtcNow, inputs, settings,
            MediaTime.Zero, devices.Cameras.Count == 0 ? [] : CameraCapture.SampleFeatures(request.Faces).Names)
        {
            RawMedia = raw,
        };
    }

    /// <summary>Runs the graph until Ctrl+C, the duration, or the end of every source; true when stopped rather than ended.</summary>
    private async Task<bool> Capture(LiveDevices devices, SessionRecorder recorder, LiveOutputs outputs, SessionClock clock, CancellationToken cancellation)
    {
        using var raw = new RawMediaWriters(request.RawMedia ? recorder.Folder : null,
            shows => devices.Cameras.FirstOrDefault(c => c.Input.Shows == shows).Source?.Format, recorder.PlaceRawMedia);
        using var preview = new LivePreview(devices.Cameras.Count, outputs.Video.OnNext);
        var cameras = devices.Cameras
            .Select((c, slot) => new CameraCapture(c.Input, c.Source, request.Pose, request.Faces, clock, request.RawMedia ? raw.WriteVideo : null,
                request.Terminal ? null : (frame, time) => preview.Offer(slot, frame, time)))
            .ToList();
        var microphones = devices.Microphones
            .Select(m => new MicrophoneCapture(m.Input, m.Source, clock, request.RawMedia ? raw.WriteAudio : null))
            .ToList();

        // Each camera's pose stage has a thread of its own, so two cameras use both cores.
        var poseThreads = cameras.Select(c => new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = $"pose {c.Label}" })).ToList();
        using var stopPoseThreads = Disposable.Create(() => poseThreads.ForEach(t => t.Dispose()));
        var poses = cameras.Select((c, i) => c.Poses(poseThreads[i]).Publish()).ToList();
        // Published once per camera: the grid and the page's face markers read the same features (one smile baseline per person).
        var features = cameras.Select((c, i) => c.Features(poses[i]).Publish()).ToList();
        var body = cameras.Count switch
        {
            0 => Observable.Empty<FeatureSample>(),
            1 => CameraCapture.OnGrid(features[0]),
            _ => FeatureObservable.JoinSides(CameraCapture.OnGrid(features[0]), CameraCapture.OnGrid(features[1]), CameraCapture.LiveGrid, BodySide.CameraPatience),
        };
        var recordedPoses = poses.Count == 2 ? PoseObservable.MergeCameras(poses[0], poses[1], BodySide.CameraPatience) : poses.FirstOrDefault();
        var layout = new LiveBodyLayout(CameraCapture.SampleFeatures(request.Faces).Schema, BodyFeatures.PixelMotion, CameraCapture.LiveGrid.SampleRate);
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
        };
        // Stopped before the devices are, so the last word on the page is not a device that is merely being closed.
        using var health = Observable.Interval(TimeSpan.FromSeconds(0.5)).Subscribe(_ => outputs.Health.OnNext(Health(cameras, microphones, clock)));
        if (recordedPoses is not null)
            subscriptions.Add(recordedPoses.Subscribe(recorder.Write));
        foreach (var (camera, slot) in poses.Select((p, slot) => (p, slot)))
            subscriptions.Add(camera.Subscribe(pose => outputs.Poses.OnNext(preview.Place(slot, pose))));
        if (request.Faces)
            subscriptions.Add(features[0].Subscribe(outputs.Faces.OnNext));
        using var terminal = request.Terminal ? TerminalView.Start(outputs, console) : null;

        subscriptions.Add(updates.Connect());
        foreach (var camera in features)
            subscriptions.Add(camera.Connect());
        foreach (var camera in poses)
            subscriptions.Add(camera.Connect());
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

        health.Dispose();
        foreach (var microphone in microphones)
            microphone.Dispose();
        subscriptions.Dispose();
        PlaceRawMedia(recorder, cameras, microphones);
        return stopped;
    }

    /// <summary>Where each raw file starts on the session clock, with each device's final clock offset.</summary>
    private static void PlaceRawMedia(SessionRecorder recorder, IReadOnlyList<CameraCapture> cameras, IReadOnlyList<MicrophoneCapture> microphones)
    {
        foreach (var media in recorder.Manifest.RawMedia)
        {
            var offset = media.Kind == RawMediaKind.Video
                ? cameras.FirstOrDefault(c => c.Shows == media.Participant)?.SessionOffset
                : microphones.FirstOrDefault(m => media.Participant is { } who && m.Speakers.Contains(who))?.SessionOffset;
            if (offset is { } start)
                recorder.PlaceRawMedia(media with { StartSeconds = start.TotalSeconds });
        }
    }

    private static CaptureHealth Health(IReadOnlyList<CameraCapture> cameras, IReadOnlyList<MicrophoneCapture> microphones, SessionClock clock)
    {
        var sources = cameras.Select(c => new SourceStatus(c.Label, "camera", c.Live, c.Live ? null : c.Problem))
            .Concat(microphones.Select(m => new SourceStatus(m.Label, "microphone", m.Live, m.Live ? null : m.Problem)))
            .ToList();
        var latencies = cameras.Select(c => c.PoseLatencyMs).Where(double.IsFinite).ToList();
        return new CaptureHealth(clock.Now, sources, cameras.Sum(c => c.FramesCaptured), cameras.Sum(c => c.FramesDropped),
            latencies.Count == 0 ? double.NaN : latencies.Max())
        {
            FacesPutOff = cameras.Sum(c => c.FacesPutOff),
        };
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
        public List<(CameraInput Input, IVideoSource Source)> Cameras { get; } = [];

        public List<(MicrophoneInput Input, IAudioSource Source)> Microphones { get; } = [];

        public void Dispose()
        {
            foreach (var (_, camera) in Cameras)
                camera.Dispose();
            foreach (var (_, source) in Microphones)
                source.Dispose();
        }
    }
}
