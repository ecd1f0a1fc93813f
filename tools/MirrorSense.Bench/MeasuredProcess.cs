using System.Diagnostics;
using System.Globalization;

namespace MirrorSense.Bench;

/// <summary>One whole-process run: wall time from start to exit and the peak resident memory (Linux VmHWM, sampled every 5 ms).</summary>
internal static class MeasuredProcess
{
    public static (double Seconds, long PeakBytes) Run(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var peak = 0L;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        while (!process.WaitForExit(5))
            peak = Math.Max(peak, PeakResident(process.Id));
        drain.Wait();
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(executable)} exited with {process.ExitCode}: {drain.Result[1]}");
        return (clock.Elapsed.TotalSeconds, peak);
    }

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
