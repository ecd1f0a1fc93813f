using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MirrorSense.Bench;

/// <summary>
/// Peak memory of <c>mirrorsense analyze</c> as a session grows: the demo session's landmarks and voices looped to
/// each length asked for (minutes), analysed from the landmarks (<c>--pose</c>, <c>--audio</c>), so what is measured is
/// everything after the pose stage — the grid, the voices, the measures and the outputs — without hours of pose
/// estimation. The pose stage streams its frames and keeps nothing per frame.
/// </summary>
internal static class LongSessionBenchmark
{
    public static int Run(string[] args)
    {
        var executable = args.Length > 0 ? args[0] : throw new BenchSetupException("usage: long-session PATH/TO/mirrorsense [minutes ...] (default 60 240)");
        int[] lengths = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [60, 240];
        var demo = Path.Combine("samples", "demo-session", "session.mp4");
        if (!File.Exists(demo))
            throw new BenchSetupException($"{demo} not found: run from the repository's root.");
        var work = Directory.CreateTempSubdirectory("mirrorsense-bench-long-").FullName;
        try
        {
            Console.WriteLine("landmarks of the demo session...");
            var demoOut = Path.Combine(work, "demo");
            MeasuredProcess.Run(executable, ["analyze", "--video", demo, "--no-audio", "--out", demoOut]);
            var pose = File.ReadAllLines(Path.Combine(demoOut, "pose.csv"));
            var peaks = new List<(int Minutes, long Peak)>();
            foreach (var minutes in lengths)
            {
                var posePath = Path.Combine(work, $"pose-{minutes}.csv");
                var audioPath = Path.Combine(work, $"audio-{minutes}.wav");
                var loops = LoopPose(pose, posePath, minutes * 60.0);
                LoopAudio(demo, audioPath, loops);
                var output = Path.Combine(work, $"out-{minutes}");
                var measured = MeasuredProcess.Run(executable, ["analyze", "--pose", posePath, "--audio", audioPath, "--out", output]);
                using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
                var stages = summary.RootElement.GetProperty("timing").EnumerateObject()
                    .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Value.GetDouble():0.0}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{minutes} min: peak RSS {measured.PeakBytes / 1048576.0:0} MB; {measured.Seconds:0.0} s wall, CPU {measured.CpuSeconds:0.0} s; stages: {string.Join(", ", stages)}; load average {MeasuredProcess.LoadAverage()}"));
                peaks.Add((minutes, measured.PeakBytes));
                File.Delete(posePath);
                File.Delete(audioPath);
                Directory.Delete(output, recursive: true);
            }

            var (shortest, longest) = (peaks.MinBy(p => p.Minutes), peaks.MaxBy(p => p.Minutes));
            if (peaks.Count > 1)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"peak at {longest.Minutes} min / peak at {shortest.Minutes} min = {(double)longest.Peak / shortest.Peak:0.00}"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The demo's pose rows repeated, each repeat a period later, until <paramref name="seconds"/>; returns the repeats.</summary>
    private static int LoopPose(string[] rows, string path, double seconds)
    {
        var times = rows.Skip(1).Select(r => double.Parse(r[..r.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).Distinct().ToArray();
        // One frame step past the last frame: the next repeat's first frame follows as the video's next frame would.
        var period = times[^1] + (times[1] - times[0]);
        var loops = (int)Math.Ceiling(seconds / period - 1e-9);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine(rows[0]);
        for (var loop = 0; loop < loops; loop++)
            foreach (var row in rows.AsSpan(1))
            {
                var comma = row.IndexOf(',', StringComparison.Ordinal);
                var time = double.Parse(row[..comma], CultureInfo.InvariantCulture) + loop * period;
                writer.Write(time.ToString("0.000000", CultureInfo.InvariantCulture));
                writer.WriteLine(row.AsSpan(comma));
            }

        return loops;
    }

    private static void LoopAudio(string video, string path, int loops)
    {
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-v", "error", "-y", "-stream_loop", (loops - 1).ToString(CultureInfo.InvariantCulture), "-i", video, "-vn", "-c:a", "pcm_s16le", path]))
            ?? throw new BenchSetupException("ffmpeg could not be started (tools/install-prerequisites.sh installs it).");
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0)
            throw new BenchSetupException($"ffmpeg could not loop the demo's audio (exit {ffmpeg.ExitCode}).");
    }
}
