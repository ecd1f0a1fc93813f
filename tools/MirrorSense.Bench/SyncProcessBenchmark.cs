using System.Diagnostics;
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

        RunOnce(executable, arguments); // warm the file cache
        var runsMeasured = new List<ProcessRun>();
        for (var i = 0; i < runs; i++)
            runsMeasured.Add(RunOnce(executable, arguments));

        var wall = runsMeasured.Select(r => r.WallSeconds).Order().ToArray();
        var cpu = runsMeasured.Select(r => r.CpuSeconds).Order().ToArray();
        var median = wall[wall.Length / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mirrorsense sync, config A, 20 dyads, {runs} runs: wall median {median * 1000:0} ms (min {wall[0] * 1000:0}, max {wall[^1] * 1000:0}), " +
            $"CPU median {cpu[cpu.Length / 2] * 1000:0} ms, peak RSS {runsMeasured.Max(r => r.PeakBytes) / 1048576.0:0} MB; load average {LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rMEA 1.3.0 as a process: {RMeaProcessSeconds} s (MEAccf alone {RMeaCcfSeconds} s) → {RMeaProcessSeconds / median:0.0}x faster (wall, median)"));
        Directory.Delete(output, recursive: true);
        return 0;
    }

    private sealed record ProcessRun(double WallSeconds, double CpuSeconds, long PeakBytes);

    private static ProcessRun RunOnce(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var peak = 0L;
        var cpu = TimeSpan.Zero;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        while (!process.WaitForExit(5))
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            cpu = CpuTime(process) ?? cpu;
        }

        drain.Wait();
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"mirrorsense exited with {process.ExitCode}: {drain.Result[1]}");
        return new ProcessRun(clock.Elapsed.TotalSeconds, cpu.TotalSeconds, peak);
    }

    /// <summary>CPU time so far (polled: the last few milliseconds before exit are not counted).</summary>
    private static TimeSpan? CpuTime(Process process)
    {
        try
        {
            return process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>VmHWM of a running process on Linux (0 elsewhere or once it has exited).</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
