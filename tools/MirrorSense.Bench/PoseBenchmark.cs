using System.Diagnostics;
using System.Globalization;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Fixtures;
using MirrorSense.Vision;
using MirrorSense.Vision.Detection;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Landmarks;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace MirrorSense.Bench;

/// <summary>
/// The pose pipeline's speed on 640×480, 30 fps H.264 files (constructed dyads, ffmpeg/libx264): ms per
/// stage (decode, detector, landmark model on ONNX Runtime and on OpenCV DNN), and end-to-end fps with
/// one and with two people (decode, read ahead as the offline commands do, + detect/track + landmarks + smoothing).
/// usage: pose [SAMPLES.JPG] [--model lite|full] [--seconds 10] [--threads 1] [--landmark-every 3]
/// </summary>
internal static class PoseBenchmark
{
    public static int Run(string[] args)
    {
        // The one positional argument: not an option and not an option's value.
        var sheet = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).FirstOrDefault()
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache/mirrorsense/npm/vladmandic-human-3.3.6/assets/samples.jpg");
        var model = Option(args, "--model", "lite") == "full" ? LandmarkModelKind.Full : LandmarkModelKind.Lite;
        var seconds = double.Parse(Option(args, "--seconds", "10"), CultureInfo.InvariantCulture);
        var threads = int.Parse(Option(args, "--threads", "1"), CultureInfo.InvariantCulture);
        var every = int.Parse(Option(args, "--landmark-every", "3"), CultureInfo.InvariantCulture);
        if (!File.Exists(sheet))
        {
            Console.Error.WriteLine($"pose bench: no photo sheet at '{sheet}' (the tests fetch it: @vladmandic/human@3.3.6 assets/samples.jpg).");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("mirrorsense-pose-bench-").FullName;
        try
        {
            var two = MakeVideo(sheet, folder, "two", seconds, hideRight: false);
            var one = MakeVideo(sheet, folder, "one", seconds, hideRight: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pose bench: 640×480 30 fps H.264, {seconds:0} s, {model} model, {threads} ONNX Runtime thread(s) per session, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
            Stages(two, model, threads);
            foreach (var n in every == 1 ? [1] : new[] { every, 1 })
            {
                EndToEnd("one person", one, model, threads, n);
                EndToEnd("two people", two, model, threads, n);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Stages(string video, LandmarkModelKind model, int threads)
    {
        var files = PoseModelFiles.Locate(model);
        using var frames = new VideoFileSource(video);
        using var frame = new Mat();
        var decode = Time(60, () => frames.Read(frame, out _));
        using var detector = new PoseDetector(files.Detector, threads);
        var detections = detector.Detect(frame);
        var detect = Time(30, () => detector.Detect(frame));
        using var landmarker = new PoseLandmarker(files.Landmarks, threads);
        var region = detections[0].Region();
        var landmarks = Time(60, () => landmarker.Estimate(frame, region));
        using var face = FaceLandmarker.Open(intraOpThreads: threads);
        var person = landmarker.Estimate(frame, region);
        var faceRegion = FaceRegions.FromPose(person.Body);
        var mesh = Time(60, () => face.Estimate(frame, faceRegion, MediaTime.Zero));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per stage (ms, median): decode {decode:0.00}, detector {detect:0.00}, landmarks (ONNX Runtime) {landmarks:0.00}, landmarks (OpenCV DNN, same ONNX) {OpenCvLandmarks(files.Landmarks, landmarker)}, face mesh of one face {mesh:0.00}"));
    }

    /// <summary>The same landmark model on OpenCV's DNN module, fed the same tensor; "n/a" with the reason when it cannot load it.</summary>
    private static string OpenCvLandmarks(string onnx, PoseLandmarker landmarker)
    {
        try
        {
            using var net = CvDnn.ReadNetFromOnnx(onnx);
            if (net is null || net.Empty())
                return "n/a (not loaded)";
            net.SetPreferableBackend(Backend.OPENCV);
            net.SetPreferableTarget(Target.CPU);
            using var rgb = landmarker.LastCrop.CvtColor(ColorConversionCodes.BGR2RGB);
            using var input = new Mat();
            rgb.ConvertTo(input, MatType.CV_32FC3, 1 / 255.0);
            using var blob = input.Reshape(1, [1, PoseLandmarker.InputSize, PoseLandmarker.InputSize, 3]);
            var ms = Time(30, () =>
            {
                net.SetInput(blob);
                using var output = net.Forward();
            });
            return ms.ToString("0.00", CultureInfo.InvariantCulture);
        }
        catch (OpenCVException error)
        {
            return $"n/a ({error.Message.Split('\n')[0]})";
        }
    }

    private static void EndToEnd(string label, string video, LandmarkModelKind model, int threads, int every)
    {
        using var source = new ReadAheadVideoSource(new VideoFileSource(video));
        using var estimator = new PoseEstimator(new PoseOptions(Model: model, IntraOpNumThreads: threads, LandmarkEvery: every));
        using var frame = new Mat();
        var watch = Stopwatch.StartNew();
        var count = 0;
        var people = 0;
        while (source.Read(frame, out var time))
        {
            people += estimator.Process(frame, time).People.Count;
            count++;
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  end to end, {label}, landmarks {(every == 1 ? "every frame" : $"1 in {every}")}: {count / elapsed:0.0} fps ({1000 * elapsed / count:0.0} ms/frame, {count} frames, {people / (double)count:0.00} people/frame, detector ran {estimator.Statistics.DetectorRuns}×)"));
    }

    private static string MakeVideo(string sheetPath, string folder, string name, double seconds, bool hideRight)
    {
        using var sheet = Cv2.ImRead(sheetPath);
        using var woman = new Mat(sheet, new Rect(166, 0, 152, 158));
        using var man = new Mat(sheet, new Rect(355, 0, 150, 158));
        var avi = Path.Combine(folder, name + ".avi");
        new ConstructedDyadVideo(Seconds: seconds) { Hidden = hideRight ? [(false, 0, seconds + 1)] : [] }
            .Write(avi, woman, man, t => 12 * Math.Sin(2 * Math.PI * t / 4), t => 10 * Math.Sin(2 * Math.PI * t / 5.5 + 1));
        var mp4 = Path.Combine(folder, name + ".mp4");
        using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-loglevel", "error", "-y", "-i", avi, "-c:v", "libx264", "-pix_fmt", "yuv420p", mp4]))!;
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0)
            throw new BenchSetupException("ffmpeg could not encode H.264 (Debian package ffmpeg with libx264 is needed).");
        return mp4;
    }

    private static double Time(int runs, Action action)
    {
        action();   // warm-up
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
