using System.Globalization;

namespace MirrorSense.Bench;

/// <summary>
/// A long <c>mirrorsense live</c> session on looped input (see <see cref="LiveRig"/>) against the soak acceptance:
/// resident memory grows less than 50 MB after warm-up over 30 minutes, and frame drops are reported.
/// </summary>
internal static class LiveSoakBenchmark
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(2);
    private const double GrowthLimitMb = 50;

    public static async Task<int> Run(string[] args)
    {
        var executable = args.Length > 0 ? args[0] : throw new ArgumentException("usage: live-soak PATH/TO/mirrorsense [minutes=30] [video]");
        var minutes = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var video = args.Length > 2 ? args[2] : Path.Combine("samples", "demo-session", "session.mp4");
        var duration = TimeSpan.FromMinutes(minutes);
        // A run shorter than twice the warm-up still gets a second half to measure growth over.
        var warmUp = duration < 2 * WarmUp ? duration / 2 : WarmUp;

        var readings = new LiveReadings(warmUp);
        var memory = new List<(TimeSpan At, long Bytes)>();
        int exit;
        await using (var rig = await LiveRig.StartAsync(executable, video, duration, readings.Add))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak of {minutes:0.#} min running, resident memory sampled every {SampleEvery.TotalSeconds:0} s; load average {MeasuredProcess.LoadAverage()}"));
            using var ticks = new PeriodicTimer(SampleEvery);
            // Only the session counts: after the duration mirrorsense analyses the recording, which is not the soak.
            while (await ticks.WaitForNextTickAsync() && DateTimeOffset.UtcNow - rig.Started <= duration)
            {
                var bytes = MeasuredProcess.Resident(rig.ProcessId);
                if (bytes == 0)
                    break;
                memory.Add((DateTimeOffset.UtcNow - rig.Started, bytes));
                if (memory.Count % (int)(TimeSpan.FromMinutes(1) / SampleEvery) == 0)
                    Console.WriteLine(Minute(memory[^1], readings.Report()));
            }

            exit = await rig.FinishAsync(TimeSpan.FromMinutes(10));
        }

        if (memory.Count == 0)
        {
            Console.WriteLine($"mirrorsense live exited with {exit} before its memory could be sampled");
            return 1;
        }

        var settled = memory.First(m => m.At >= warmUp || m == memory[^1]);
        var growth = Mb(memory[^1].Bytes - settled.Bytes);
        var report = readings.Report();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            mirrorsense live exited with {exit}
            resident memory: {Mb(settled.Bytes):0} MB at {settled.At.TotalMinutes:0.0} min (warm-up), max {Mb(memory.Max(m => m.Bytes)):0} MB, {Mb(memory[^1].Bytes):0} MB at the end ({memory[^1].At.TotalMinutes:0.0} min)
            growth after warm-up: {growth:+0.0;-0.0} MB   target < {GrowthLimitMb:0} MB: {(growth < GrowthLimitMb ? "met" : "missed")}
            camera: {report.FramesCaptured} frames captured, {report.FramesDropped} dropped ({report.DropRate:P1})
            updates: {report.Updates} ({report.UpdatesPerSecond:0.0}/s over the run)
            after warm-up: body {report.Body}; voice {report.Voice}
            load average {MeasuredProcess.LoadAverage()} on {Environment.ProcessorCount} cores
            """));
        return exit;
    }

    private static string Minute((TimeSpan At, long Bytes) memory, LiveReadingsReport report) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{memory.At.TotalMinutes:0.0} min: RSS {Mb(memory.Bytes):0} MB, {report.Updates} updates ({report.UpdatesPerSecond:0.0}/s), {report.FramesDropped}/{report.FramesCaptured} frames dropped, load average {MeasuredProcess.LoadAverage()}");

    private static double Mb(long bytes) => bytes / 1048576.0;
}
