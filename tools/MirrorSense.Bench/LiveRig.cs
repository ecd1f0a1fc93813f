using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace MirrorSense.Bench;

/// <summary>
/// A live session of the published <c>mirrorsense live</c> fed with virtual devices: a session video played in real
/// time (<c>ffmpeg -re</c>, looped) into a named-pipe camera through a <see cref="CameraRelay"/> (or, with one camera per
/// person, its left half into A's camera and its right half into B's), and its voices played (looped) into a private PulseAudio
/// null sink whose remapped stereo source is the microphone (A left, B right). The rig reads the page's event
/// stream from before consent, consents as the page would, and starts the feeds only then, as people would
/// start talking only after agreeing.
/// </summary>
internal sealed class LiveRig : IAsyncDisposable
{
    private readonly string _work;
    private readonly PrivatePulseAudio _pulse;
    private readonly Process _mirrorsense;
    private readonly Task _output;
    private readonly CancellationTokenSource _stop = new();
    private Task _events = Task.CompletedTask;
    private readonly List<Process> _cameras = [];
    private readonly List<Task> _relays = [];
    private Task _voices = Task.CompletedTask;

    private LiveRig(string work, PrivatePulseAudio pulse, Process mirrorsense, Task output)
    {
        _work = work;
        _pulse = pulse;
        _mirrorsense = mirrorsense;
        _output = output;
    }

    /// <summary>The mirrorsense process, to sample its memory.</summary>
    public int ProcessId => _mirrorsense.Id;

    /// <summary>The camera feeds on their way into the pipes (the shared camera, or A's and B's), with their backlog.</summary>
    public IReadOnlyList<CameraRelay> Cameras { get; private set; } = [];

    /// <summary>Wall-clock instant at which consent was given and the feeds started.</summary>
    public DateTimeOffset Started { get; private set; }

    /// <summary>
    /// Prepares the inputs from <paramref name="video"/>, starts <paramref name="executable"/> live for
    /// <paramref name="duration"/>, and returns once the session runs; each page event goes to <paramref name="onEvent"/>.
    /// </summary>
    /// <param name="cameraPerPerson">Two cameras (<c>--camera-a/--camera-b</c>), each seeing one half of the video.</param>
    /// <param name="options">More options for <c>mirrorsense live</c> (e.g. <c>--face</c>).</param>
    public static async Task<LiveRig> StartAsync(string executable, string video, TimeSpan duration, Action<LiveEvent> onEvent, bool cameraPerPerson = false, params string[] options)
    {
        var work = Directory.CreateTempSubdirectory("mirrorsense-bench-live-").FullName;
        string[] cameras = cameraPerPerson ? ["camera-a", "camera-b"] : ["camera"];
        PrepareInputs(video, work, cameras);
        var pulse = PrivatePulseAudio.Start(Path.Combine(Path.GetTempPath(), "mirrorsense-bench-pulse"));
        string[] cameraOptions = cameraPerPerson
            ? ["--camera-a", CameraPipe(work, cameras[0]), "--camera-b", CameraPipe(work, cameras[1])]
            : ["--camera", CameraPipe(work, cameras[0])];
        var start = pulse.Client(executable,
            ["live", .. cameraOptions, "--stereo-mic", PrivatePulseAudio.Microphone, "--no-browser", "--port", "0",
            "--duration", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--linger", "0", "--record", Path.Combine(work, "session"), .. options]);
        var process = Process.Start(start)!;
        var page = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ConcurrentQueue<string>();
        var output = Task.WhenAll(Collect(process.StandardOutput, log, page), Collect(process.StandardError, log, page));
        var rig = new LiveRig(work, pulse, process, output);
        try
        {
            // Loading the pose models takes a while on a busy machine.
            var address = await page.Task.WaitAsync(TimeSpan.FromSeconds(120));
            rig._events = new LiveEventStream(address, onEvent).ReadAsync(rig._stop.Token);
            using var http = new HttpClient();
            using var consent = await http.PostAsJsonAsync(new Uri(address, "consent"), new { agree_a = true, agree_b = true });
            if (consent.StatusCode != System.Net.HttpStatusCode.NoContent)
                throw new InvalidOperationException($"consent was answered {(int)consent.StatusCode}");
            rig.Started = DateTimeOffset.UtcNow;
            rig.Cameras = [.. cameras.Select(_ => new CameraRelay())];
            foreach (var (camera, relay) in cameras.Zip(rig.Cameras))
            {
                var feed = Process.Start(pulse.Client("ffmpeg",
                    "-v", "error", "-re", "-stream_loop", "-1", "-i", CameraVideo(work, camera), "-c", "copy", "-flush_packets", "1", "-f", "matroska", "pipe:1"))!;
                rig._cameras.Add(feed);
                rig._relays.Add(relay.RunAsync(feed.StandardOutput.BaseStream, CameraPipe(work, camera), rig._stop.Token));
            }

            rig._voices = rig.PlayVoicesAsync(Path.Combine(work, "voices.wav"), rig._stop.Token);
            return rig;
        }
        catch (Exception error) when (error is TimeoutException or HttpRequestException or InvalidOperationException)
        {
            var tail = string.Join(Environment.NewLine, log.TakeLast(20));
            await rig.DisposeAsync();
            throw new InvalidOperationException($"the live session did not start ({error.Message}); mirrorsense said:{Environment.NewLine}{tail}", error);
        }
    }

    /// <summary>Waits until mirrorsense exits (after the session and its report) and its event stream has closed.</summary>
    public async Task<int> FinishAsync(TimeSpan timeout)
    {
        await _mirrorsense.WaitForExitAsync().WaitAsync(timeout);
        await _output;
        await _events;
        return _mirrorsense.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _cameras.ForEach(Stop);
        Stop(_mirrorsense);
        await _voices;
        // A pipe mirrorsense never opened leaves the relay waiting to open it; that wait is abandoned, not awaited.
        await Task.WhenAny(Task.WhenAll(_relays), Task.Delay(TimeSpan.FromSeconds(5)));
        _cameras.ForEach(c => c.Dispose());
        _mirrorsense.Dispose();
        _pulse.Dispose();
        _stop.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private static string CameraPipe(string work, string camera) => Path.Combine(work, camera + ".fifo");

    private static string CameraVideo(string work, string camera) => Path.Combine(work, camera + ".mkv");

    /// <summary>
    /// The voices as 48 kHz stereo WAV for paplay, the video as MJPEG in Matroska (what a USB webcam sends), and the
    /// named pipe each camera is read from (two cameras see the left and the right half). The video is encoded once
    /// here, not while feeding, so the encoder does not compete with mirrorsense for the CPU during the measurement.
    /// </summary>
    private static void PrepareInputs(string video, string work, string[] cameras)
    {
        RunToEnd("ffmpeg", "-v", "error", "-i", video, "-vn", "-ac", "2", "-ar", "48000", "-c:a", "pcm_s16le", "-y", Path.Combine(work, "voices.wav"));
        foreach (var (camera, i) in cameras.Select((c, i) => (c, i)))
        {
            string[] crop = cameras.Length == 1 ? [] : ["-vf", i == 0 ? "crop=iw/2:ih:0:0" : "crop=iw/2:ih:iw/2:0"];
            RunToEnd("ffmpeg", ["-v", "error", "-i", video, "-an", .. crop, "-c:v", "mjpeg", "-q:v", "5", "-f", "matroska", "-y", CameraVideo(work, camera)]);
            RunToEnd("mkfifo", CameraPipe(work, camera));
        }
    }

    private static void RunToEnd(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable, arguments) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{executable} exited with {process.ExitCode}: {error}");
    }

    private static async Task Collect(StreamReader from, ConcurrentQueue<string> log, TaskCompletionSource<Uri> page)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            log.Enqueue(line);
            if (line.StartsWith("Live page: ", StringComparison.Ordinal))
                page.TrySetResult(new Uri(line["Live page: ".Length..].Trim()));
        }

        page.TrySetException(new InvalidOperationException("mirrorsense ended before it served the page"));
    }

    /// <summary>Plays the voices into the sink over and over (paplay cannot loop) until stopped.</summary>
    private async Task PlayVoicesAsync(string wav, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var player = Process.Start(_pulse.Client("paplay", "-d", PrivatePulseAudio.Sink, wav))!;
            try
            {
                await player.WaitForExitAsync(stop);
                if (player.ExitCode != 0)
                {
                    Console.Error.WriteLine($"paplay exited with {player.ExitCode}: {await player.StandardError.ReadToEndAsync(stop)}");
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                Stop(player);
            }
        }
    }

    private static void Stop(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
                process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }
    }
}
