using System.ComponentModel;
using System.Diagnostics;
using Xunit;

namespace MirrorSense.Testing;

/// <summary>Command-line tools (ffmpeg, sox, espeak-ng) that make test media.</summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="tool"/> to completion; the test is skipped, saying why, when the tool is not installed, and fails when it fails.</summary>
    public static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Skip.If(true, $"{tool} is not installed (tools/install-prerequisites.sh installs it); it makes this test's media.");
            return;
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }
    }
}
