using System.Diagnostics;
using System.Globalization;
using MirrorSense.Capture;
using MirrorSense.Prosody;

namespace MirrorSense.Bench;

/// <summary>
/// Where <c>mirrorsense prosody</c>'s time goes: each stage alone, on one thread, over a recording already decoded
/// into memory (except the decoding stage itself). Thread CPU time is reported beside wall time, so the split can be
/// read on a loaded machine. Stages: decode (NAudio to floats, one pass), pitch (candidates + path, one finder),
/// intensity, and the whole analyzer as the command runs it (pitch and intensity side by side).
/// </summary>
internal static class ProsodyStageBenchmark
{
    public static int Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(ReferenceInputs.Root, "speech", "test-B.wav");
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        float[] once;
        int rate;
        using (var source = AudioFile.OpenMono(path))
        {
            rate = source.Format.SampleRate;
            once = [.. source.ReadBlocks(TimeSpan.FromSeconds(0.5)).SelectMany(b => b.Samples.ToArray())];
        }
        var samples = new float[once.Length * repeats];
        for (var i = 0; i < repeats; i++)
            once.CopyTo(samples, i * once.Length);
        var seconds = (double)samples.Length / rate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} × {repeats} = {seconds:0} s at {rate} Hz; load {MeasuredProcess.LoadAverage()}"));

        Time("decode (one pass, NAudio → float)", seconds, () =>
        {
            for (var i = 0; i < repeats; i++)
            {
                using var source = AudioFile.OpenMono(path);
                foreach (var _ in source.ReadBlocks(TimeSpan.FromSeconds(0.5)))
                {
                }
            }
        });
        var options = new PitchOptions();
        var grid = FrameGrid.ForWholeSignal(samples.Length, rate, options.WindowSeconds, options.TimeStep);
        var peak = PeakReference.OfWholeSignal(samples);
        var plan = new PitchFramePlan(options, rate);
        var lefts = Enumerable.Range(0, grid.Count ?? 0).Select(i => plan.LeftSampleOf(grid.CentreOf(i)))
            .Where(left => plan.FirstSampleNeeded(left) >= 0 && plan.LastSampleNeeded(left) < samples.Length).ToArray();
        var candidates = 0L;
        var analysed = 0L;
        Time($"candidates ({lefts.Length} frames)", seconds, () =>
        {
            var finder = new PitchCandidateFinder(plan);
            foreach (var left in lefts)
            {
                var first = plan.FirstSampleNeeded(left);
                analysed++;
                candidates += finder.Analyse(samples.AsSpan((int)first, (int)(plan.LastSampleNeeded(left) - first + 1)), first, left).Candidates.Length;
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {candidates / (double)analysed:0.00} candidates per frame"));
        Time("  of which autocorrelation (FFT)", seconds, () =>
        {
            var autocorrelation = new Prosody.Numerics.FftAutocorrelation(plan.FftSize);
            var frame = new double[plan.FftSize];
            foreach (var left in lefts)
            {
                Array.Clear(frame);
                for (var j = 0; j < plan.WindowSamples; j++)
                    frame[j] = samples[left - plan.HalfWindowSamples + 1 + j];
                autocorrelation.Transform(frame);
            }
        });
        Time("  of which half-size FFTs alone", seconds, () =>
        {
            var fft = new Prosody.Numerics.Fft(plan.FftSize / 2);
            var slotRe = new double[plan.FftSize / 2];
            var slotIm = new double[plan.FftSize / 2];
            var re = new double[plan.FftSize / 2];
            var im = new double[plan.FftSize / 2];
            foreach (var left in lefts)
            {
                slotRe[fft.InputSlot[1]] = samples[left];
                fft.TransformFromSlots(slotRe, slotIm, re, im, inverse: false);
                fft.TransformFromSlots(re, im, slotRe, slotIm, inverse: true);
                Array.Clear(slotRe);
                Array.Clear(slotIm);
            }
        });
        var correlation = new double[2 * plan.InterpolationLags + 1];
        var random = new Random(1);
        for (var i = 0; i < correlation.Length; i++)
            correlation[i] = random.NextDouble();
        const int Evaluations = 1_000_000;
        var total = 0.0;
        Time($"  sinc interpolation, depth 70 (1M)", seconds, () =>
        {
            for (var i = 0; i < Evaluations; i++)
                total += Prosody.Numerics.SincInterpolation.Interpolate(correlation, 200 + i * 1e-6, 70);
        });
        Time("pitch (one thread)", seconds, () => Blocks(samples, rate, new PitchTracker(rate, options, grid, peak, parallelism: 1)));
        Time("pitch (all cores)", seconds, () => Blocks(samples, rate, new PitchTracker(rate, options, grid, peak)));
        Time("intensity", seconds, () =>
        {
            var tracker = new IntensityTracker(rate, grid: grid);
            var block = rate / 2;
            for (var at = 0; at < samples.Length; at += block)
                tracker.Process(samples.AsSpan(at, Math.Min(block, samples.Length - at)), Core.MediaTime.FromSeconds((double)at / rate));
            tracker.Complete();
        });
        return 0;
    }

    private static void Blocks(float[] samples, int rate, PitchTracker tracker)
    {
        var block = rate / 2;
        for (var at = 0; at < samples.Length; at += block)
            tracker.Process(samples.AsSpan(at, Math.Min(block, samples.Length - at)), Core.MediaTime.FromSeconds((double)at / rate));
        tracker.Complete();
    }

    // The best of a few rounds: on a shared machine the fastest round is the one least disturbed by others.
    private const int Rounds = 5;

    private static void Time(string stage, double audioSeconds, Action run)
    {
        var wall = TimeSpan.MaxValue;
        var used = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            run();
            clock.Stop();
            wall = TimeSpan.FromTicks(Math.Min(wall.Ticks, clock.Elapsed.Ticks));
            used = TimeSpan.FromTicks(Math.Min(used.Ticks, (Process.GetCurrentProcess().TotalProcessorTime - cpu).Ticks));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage,-36} wall {wall.TotalSeconds,6:0.000} s  cpu {used.TotalSeconds,6:0.000} s  ({audioSeconds / wall.TotalSeconds,5:0}× real time, best of {Rounds})"));
    }
}
