using System.Diagnostics;
using System.Globalization;

namespace MirrorSense.Bench;

/// <summary>One whole-process run: wall time from start to exit, CPU time, and peak resident memory.</summary>
internal sealed record ProcessRun(double Seconds, double CpuSeconds, long PeakBytes);

/// <summary>Runs a program to completion while sampling it every 5 ms (Linux VmHWM for memory).</summary>
internal static class MeasuredProcess
{
    public static ProcessRun Run(string executable, IReadOnlyList<string> arguments)
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
            throw new InvalidOperationException($"{Path.GetFileName(executable)} exited with {process.ExitCode}: {drain.Result[1]}");
        return new ProcessRun(clock.Elapsed.TotalSeconds, cpu.TotalSeconds, peak);
    }

    /// <summary>The machine's load average, to read timings from a shared machine with.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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

    /// <summary>VmRSS of a running process on Linux: its resident memory now (0 elsewhere or once it has exited).</summary>
    public static long Resident(int pid) => StatusBytes(pid, "VmRSS:");

    /// <summary>VmHWM of a running process on Linux (0 elsewhere or once it has exited).</summary>
    private static long PeakResident(int pid) => StatusBytes(pid, "VmHWM:");

    /// <summary>A kB field of /proc/PID/status, in bytes.</summary>
    private static long StatusBytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
