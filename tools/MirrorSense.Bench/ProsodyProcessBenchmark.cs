using System.Globalization;

namespace MirrorSense.Bench;

/// <summary>
/// Times <c>mirrorsense prosody</c> against Praat as whole processes on the same 1,160 s of speech (test-B.wav
/// repeated 20 times with sox), in one run so both see the same machine load: Praat's "To Pitch: 0, 75, 600" and
/// "To Intensity: 100, 0, yes", each saved to a file, versus our frame CSV (pitch and intensity). Runs alternate
/// between the two programs; medians and the peak resident memory of each are reported.
/// </summary>
internal static class ProsodyProcessBenchmark
{
    private const int Repeats = 20;

    private const string PraatScript = """
        form Bench
            sentence Sound_file
            sentence Pitch_file
            sentence Intensity_file
        endform
        sound = Read from file: sound_file$
        pitch = To Pitch: 0, 75, 600
        Save as short text file: pitch_file$
        selectObject: sound
        intensity = To Intensity: 100, 0, "yes"
        Save as short text file: intensity_file$
        """;

    public static int Run(string[] args)
    {
        var executable = args.Length > 0 ? args[0] : throw new ArgumentException("usage: prosody-process PATH/TO/mirrorsense [runs]");
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var folder = Directory.CreateTempSubdirectory("mirrorsense-bench-prosody-").FullName;
        try
        {
            var speech = Path.Combine(folder, "test-B-x20.wav");
            var source = Path.Combine(ReferenceInputs.Root, "speech", "test-B.wav");
            MeasuredProcess.Run("sox", [.. Enumerable.Repeat(source, Repeats), speech]);
            var script = Path.Combine(folder, "bench.praat");
            File.WriteAllText(script, PraatScript);
            string[] praat = ["--run", script, speech, Path.Combine(folder, "out.Pitch"), Path.Combine(folder, "out.Intensity")];
            string[] ours = ["prosody", speech, "--out", Path.Combine(folder, "out.csv")];

            // Warm the file cache (and each program's own files) before anything is timed.
            MeasuredProcess.Run("praat", praat);
            MeasuredProcess.Run(executable, ours);
            var praatRuns = new List<ProcessRun>();
            var ourRuns = new List<ProcessRun>();
            for (var i = 0; i < runs; i++)
            {
                praatRuns.Add(MeasuredProcess.Run("praat", praat));
                ourRuns.Add(MeasuredProcess.Run(executable, ours));
            }

            var praatMedian = Median(praatRuns);
            var ourMedian = Median(ourRuns);
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,160 s of speech (test-B.wav × {Repeats}), {runs} runs each, load average {load}, {Environment.ProcessorCount} cores"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"praat (To Pitch 0 75 600 + To Intensity 100 0 yes, saved): median {praatMedian:0.00} s wall, {MedianCpu(praatRuns):0.00} s CPU, peak RSS {praatRuns.Max(r => r.PeakBytes) / 1048576.0:0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mirrorsense prosody (frame CSV): median {ourMedian:0.00} s wall, {MedianCpu(ourRuns):0.00} s CPU, peak RSS {ourRuns.Max(r => r.PeakBytes) / 1048576.0:0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio: mirrorsense is {praatMedian / ourMedian:0.00}x Praat's speed in wall time, {MedianCpu(praatRuns) / MedianCpu(ourRuns):0.00}x in CPU time (goal ≥ 3x, ≤ 150 MB)"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(List<ProcessRun> runs) => MedianOf(runs.Select(r => r.Seconds));

    // CPU time counts the work of every thread, so it shows what a loaded machine's wall time hides.
    private static double MedianCpu(List<ProcessRun> runs) => MedianOf(runs.Select(r => r.CpuSeconds));

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
