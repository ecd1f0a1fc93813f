using System.Diagnostics;

namespace MirrorSense.Prosody.Tests;

/// <summary>
/// Makes Praat references at test time with Debian's <c>praat --run</c> into a temporary folder (reference data is
/// never committed). Each sound is analysed once per test class; tests skip, saying why, when praat is not on PATH.
/// </summary>
public sealed class PraatReferences : IDisposable
{
    // The same analyses as the committed test-A reference: "To Pitch: 0, 75, 600" and "To Intensity: 100, 0, yes".
    private const string Script = """
        form Reference frames
            sentence Sound_file
            sentence Pitch_file
            sentence Intensity_file
        endform
        sound = Read from file: sound_file$
        pitch = To Pitch: 0, 75, 600
        n = Get number of frames
        text$ = "time_s" + tab$ + "f0_Hz" + newline$
        for i to n
            t = Get time from frame number: i
            f = Get value in frame: i, "Hertz"
            text$ = text$ + fixed$ (t, 6) + tab$ + fixed$ (f, 6) + newline$
        endfor
        writeFile: pitch_file$, text$
        selectObject: sound
        intensity = To Intensity: 100, 0, "yes"
        n = Get number of frames
        text$ = "time_s" + tab$ + "intensity_dB" + newline$
        for i to n
            t = Get time from frame number: i
            v = Get value in frame: i
            text$ = text$ + fixed$ (t, 6) + tab$ + fixed$ (v, 6) + newline$
        endfor
        writeFile: intensity_file$, text$
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("mirrorsense-praat-").FullName;
    private readonly Dictionary<string, (PraatTable Pitch, PraatTable Intensity)> _cache = [];
    private readonly Lock _gate = new();

    public static string? PraatExecutable =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "praat"))
            .FirstOrDefault(File.Exists);

    /// <summary>Praat's pitch and intensity frames for <paramref name="wavPath"/>; skips the test when praat is missing.</summary>
    public (PraatTable Pitch, PraatTable Intensity) For(string wavPath)
    {
        var praat = PraatExecutable;
        Skip.If(praat is null, "praat is not on PATH (Debian package 'praat'); it makes the reference frames for this test.");
        lock (_gate)
        {
            if (_cache.TryGetValue(wavPath, out var cached))
                return cached;
            var name = Path.GetFileNameWithoutExtension(wavPath);
            var script = Path.Combine(_folder, "analyse.praat");
            File.WriteAllText(script, Script);
            var pitchFile = Path.Combine(_folder, name + ".pitch.tsv");
            var intensityFile = Path.Combine(_folder, name + ".intensity.tsv");
            var start = new ProcessStartInfo(praat!) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "--run", script, wavPath, pitchFile, intensityFile })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill();
                throw new TimeoutException($"praat did not finish analysing {wavPath} within 2 minutes.");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"praat failed on {wavPath} (exit {process.ExitCode}): {errors}");
            var tables = (PraatTable.Read(pitchFile), PraatTable.Read(intensityFile));
            _cache[wavPath] = tables;
            return tables;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over it.
        }
    }
}
