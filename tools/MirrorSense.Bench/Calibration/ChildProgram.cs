using System.Diagnostics;

namespace MirrorSense.Bench.Calibration;

/// <summary>Runs a program the corpora need (mirrorsense, ffmpeg, espeak-ng) to its end, failing with what it printed.</summary>
internal static class ChildProgram
{
    public static void Run(string program, params IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        // Both pipes drain at once, so a program that fills one cannot block on it.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }
}
