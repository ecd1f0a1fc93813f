using System.Globalization;

namespace MirrorSense.Bench;

/// <summary>
/// Times the <c>mirrorsense sync</c> process end to end (start-up, reading, correlating, writing) on
/// the 20 rMEA recordings in configuration A, the way rMEA's 6.3 s was measured: a whole process run.
/// </summary>
internal static class SyncProcessBenchmark
{
    /// <summary>rMEA 1.3.0 on R 4.2.2, configuration A over the 20 dyads, on this machine kind (issue #2).</summary>
    private const double RMeaProcessSeconds = 6.3;
    private const double RMeaCcfSeconds = 5.0;

    public static int Run(string[] args)
    {
        var executable = args.Length > 0 ? args[0] : throw new ArgumentException("usage: sync-process PATH/TO/mirrorsense [runs]");
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var output = Directory.CreateTempSubdirectory("mirrorsense-bench-").FullName;
        string[] arguments = ["sync", .. ReferenceInputs.Files(), "--fps", "25", "--lag", "5", "--win", "60", "--inc", "30", "--out", output];

        MeasuredProcess.Run(executable, arguments); // warm the file cache
        var measured = Enumerable.Range(0, runs).Select(_ => MeasuredProcess.Run(executable, arguments)).ToArray();

        var wall = measured.Select(r => r.Seconds).Order().ToArray();
        var cpu = measured.Select(r => r.CpuSeconds).Order().ToArray();
        var median = wall[wall.Length / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mirrorsense sync, config A, 20 dyads, {runs} runs: wall median {median * 1000:0} ms (min {wall[0] * 1000:0}, max {wall[^1] * 1000:0}), " +
            $"CPU median {cpu[cpu.Length / 2] * 1000:0} ms, peak RSS {measured.Max(r => r.PeakBytes) / 1048576.0:0} MB; load average {MeasuredProcess.LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rMEA 1.3.0 as a process: {RMeaProcessSeconds} s (MEAccf alone {RMeaCcfSeconds} s) → {RMeaProcessSeconds / median:0.0}x faster (wall, median)"));
        Directory.Delete(output, recursive: true);
        return 0;
    }
}
