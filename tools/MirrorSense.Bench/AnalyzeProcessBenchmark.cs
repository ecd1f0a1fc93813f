using System.Globalization;
using System.Text.Json;

namespace MirrorSense.Bench;

/// <summary>
/// Times <c>mirrorsense analyze</c> end to end as a process on a two-person session with two voices (by default the
/// bundled 60 s, 640×480, 30 fps H.264 demo session), and reads the per-stage wall times it records in summary.json.
/// </summary>
internal static class AnalyzeProcessBenchmark
{
    public static int Run(string[] args)
    {
        // Whatever follows "--" goes to analyze as it is (e.g. -- --face, -- --landmark-every 3).
        var split = Array.IndexOf(args, "--");
        string[] extra = split >= 0 ? args[(split + 1)..] : [];
        args = split >= 0 ? args[..split] : args;
        var executable = args.Length > 0 ? args[0] : throw new BenchSetupException("usage: analyze-process PATH/TO/mirrorsense [runs] [video] [-- analyze options]");
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var video = args.Length > 2 ? args[2] : Path.Combine("samples", "demo-session", "session.mp4");
        var output = Directory.CreateTempSubdirectory("mirrorsense-bench-analyze-").FullName;
        string[] arguments = ["analyze", "--video", video, "--out", output, .. extra];
        var media = MediaSeconds(video);

        for (var run = 1; run <= runs; run++)
        {
            var measured = MeasuredProcess.Run(executable, arguments);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
            var stages = summary.RootElement.GetProperty("timing").EnumerateObject()
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Value.GetDouble():0.0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}{(extra.Length > 0 ? $" ({string.Join(' ', extra)})" : "")}: {media:0.#} s of session in {measured.Seconds:0.0} s wall = {media / measured.Seconds:0.00}x real time; CPU {measured.CpuSeconds:0.0} s; peak RSS {measured.PeakBytes / 1048576.0:0} MB; stages: {string.Join(", ", stages)}; load average {MeasuredProcess.LoadAverage()}"));
        }

        Directory.Delete(output, recursive: true);
        return 0;
    }

    private static double MediaSeconds(string video)
    {
        var probe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", video]) { RedirectStandardOutput = true })!;
        var text = probe.StandardOutput.ReadToEnd();
        probe.WaitForExit();
        return double.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
