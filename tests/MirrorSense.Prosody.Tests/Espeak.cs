using System.Diagnostics;

namespace MirrorSense.Prosody.Tests;

/// <summary>Synthesises test speech with Debian's espeak-ng into a temporary WAV; skips the test when it is missing.</summary>
internal static class Espeak
{
    public static WavFile Say(string text, int wordsPerMinute, int pitch = 50)
    {
        var espeak = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "espeak-ng"))
            .FirstOrDefault(File.Exists);
        Skip.If(espeak is null, "espeak-ng is not on PATH (Debian package 'espeak-ng'); it synthesises the speech for this test.");
        var path = Path.Combine(Path.GetTempPath(), $"mirrorsense-espeak-{Guid.NewGuid():N}.wav");
        try
        {
            var start = new ProcessStartInfo(espeak!) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-w", path, "-s", wordsPerMinute.ToString(), "-p", pitch.ToString(), text })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"espeak-ng failed (exit {process.ExitCode}): {errors}");
            return WavFile.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
