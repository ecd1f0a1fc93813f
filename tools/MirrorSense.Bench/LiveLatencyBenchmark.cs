using System.Globalization;

namespace MirrorSense.Bench;

/// <summary>
/// Capture-to-page latency of <c>mirrorsense live</c> on the demo session played as a live camera and microphone
/// (see <see cref="LiveRig"/>), against the acceptance targets: p95 ≤ 150 ms for body measures and ≤ 300 ms for
/// voice measures at 30 fps with two people. <c>--camera-per-person</c> feeds the video's halves to two cameras;
/// <c>--face</c> runs the face stage too (one camera).
/// </summary>
internal static class LiveLatencyBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<int> Run(string[] args)
    {
        var cameraPerPerson = args.Contains("--camera-per-person");
        var faces = args.Contains("--face");
        args = [.. args.Where(a => a is not ("--camera-per-person" or "--face"))];
        var executable = args.Length > 0 ? args[0] : throw new ArgumentException("usage: live-latency PATH/TO/mirrorsense [seconds=60] [video] [--camera-per-person | --face]");
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var video = args.Length > 2 ? args[2] : Path.Combine("samples", "demo-session", "session.mp4");

        var readings = new LiveReadings(WarmUp);
        int exit;
        (double StartupMs, double SteadyMedianMs) backlog;
        await using (var rig = await LiveRig.StartAsync(executable, video, TimeSpan.FromSeconds(seconds), readings.Add, cameraPerPerson, faces ? ["--face"] : []))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live session of {seconds:0} s with {(cameraPerPerson ? "one camera per person" : "one camera")}{(faces ? " and faces" : "")} running; load average {MeasuredProcess.LoadAverage()}"));
            exit = await rig.FinishAsync(TimeSpan.FromSeconds(seconds + 600));
            backlog = rig.Cameras[0].Backlog();
        }

        var report = readings.Report();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            mirrorsense live exited with {exit}; {report.Updates} updates ({report.UpdatesPerSecond:0.0}/s), first {WarmUp.TotalSeconds:0} s not sampled
            body  (capture → update read): {report.Body}   target p95 ≤ 150 ms: {Verdict(report.Body, 150)}
            voice (capture → update read): {report.Voice}   target p95 ≤ 300 ms: {Verdict(report.Voice, 300)}
            newest input of any update:    {report.Either}
            camera pipe backlog{(cameraPerPerson ? " (A's)" : "")}: {backlog.StartupMs:0} ms at the start, median {backlog.SteadyMedianMs:0} ms after {CameraRelay.Startup.TotalSeconds:0} s (mirrorsense places a device's clock by its earliest arrival, so a startup backlog does not make later stamps late)
            camera{(cameraPerPerson ? "s" : "")}: {report.FramesCaptured} frames captured, {report.FramesDropped} dropped ({report.DropRate:P1}); pose latency median {report.PoseLatencyMedianMs:0} ms{(faces ? $"; faces put off on {report.FacesPutOff} frames ({report.FacesPutOffRate:P1} of those estimated)" : "")}
            load average {MeasuredProcess.LoadAverage()} on {Environment.ProcessorCount} cores
            """));
        return exit;
    }

    // A sample below zero would mean a stamp later than the moment it was read: then the stamps, not the latency, are wrong.
    private static string Verdict(LatencySummary latency, double targetMs) =>
        latency.Count == 0 ? "no samples"
        : latency.P95Ms > targetMs ? "missed"
        : latency.BelowZero > 0 ? "met as stamped, but the stamps are late, so unproven"
        : "met";
}
