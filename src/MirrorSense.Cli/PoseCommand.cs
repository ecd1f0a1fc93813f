using System.CommandLine;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Faces;
using MirrorSense.Vision;
using MirrorSense.Vision.Faces;
using MirrorSense.Sessions.Pose;
using MirrorSense.Vision.Output;
using Spectre.Console;

namespace MirrorSense.Cli;

/// <summary><c>mirrorsense pose</c>: body landmarks of up to two people in a video, as a long CSV (and an overlay video).</summary>
internal static class PoseCommand
{
    public const int ExitOk = 0;
    public const int ExitVideoFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitCancelled = 130;

    public static Command Create()
    {
        var video = new Argument<string>("VIDEO") { Description = "The video file (MP4/H.264, AVI, MKV, … anything FFmpeg decodes)." };
        var output = new Option<string>("--out") { Description = "The CSV to write: time_s,participant,landmark,x,y,z,visibility (x, y in pixels, y down).", Required = true };
        var model = new Option<string>("--model") { Description = "Landmark model: lite (faster) or full (steadier).", DefaultValueFactory = _ => "lite" };
        model.AcceptOnlyFromAmong("lite", "full");
        var maxPeople = new Option<int>("--max-people") { Description = "People tracked at once, 1 or 2.", DefaultValueFactory = _ => 2 };
        var overlay = new Option<string?>("--overlay") { Description = "Also write the video with both skeletons drawn (.avi: MJPG, otherwise MPEG-4)." };
        var swap = new Option<bool>("--swap") { Description = "A is the person on the right and B the one on the left (default: A left, B right)." };
        var only = new Option<string?>("--participant") { Description = "Two-camera mode: this video shows one person, always labelled A or B (implies --max-people 1)." };
        only.AcceptOnlyFromAmong("A", "B");
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime threads per model session.", DefaultValueFactory = _ => 1 };
        var face = new Option<bool>("--face") { Description = "Also find each person's face mesh and write it to face.csv beside --out: time_s,participant,landmark,x,y,z (landmark 0–467)." };
        var models = new Option<string?>("--models") { Description = "Folder with the ONNX models (default: as `mirrorsense models` finds and checks them).", HelpName = "DIR" };
        var landmarkEvery = LandmarkEveryOption.Create();

        var command = new Command("pose", """
            Body landmarks (MediaPipe BlazePose, 33 points with visibility) of up to two people per frame.
            People keep their participant through brief occlusions and crossings: A is the one who appeared
            on the left, B on the right (--swap reverses that).

            Example:
              mirrorsense pose session.mp4 --out pose.csv --overlay check.avi

            Exit codes: 0 done; 1 the video could not be read (missing, not a video, or damaged part-way:
            rows up to the damage are written); 2 usage error; 130 stopped with Ctrl+C (rows so far are written).
            """)
        {
            video, output, model, maxPeople, overlay, swap, only, threads, landmarkEvery, face, models,
        };

        command.SetAction((parse, cancellation) =>
        {
            PoseOptions options;
            try
            {
                Participant? fixedParticipant = parse.GetValue(only) switch { "A" => Participant.A, "B" => Participant.B, _ => null };
                options = new PoseOptions(
                    Model: parse.GetValue(model) == "full" ? LandmarkModelKind.Full : LandmarkModelKind.Lite,
                    MaxPeople: fixedParticipant is null ? parse.GetValue(maxPeople) : 1,
                    IntraOpNumThreads: parse.GetValue(threads),
                    Swap: parse.GetValue(swap),
                    ModelFolder: parse.GetValue(models),
                    Only: fixedParticipant,
                    LandmarkEvery: LandmarkEveryOption.Checked(parse.GetValue(landmarkEvery)));
                if (options.MaxPeople is < 1 or > 2)
                    throw new ArgumentException("--max-people must be 1 or 2.");
                if (options.IntraOpNumThreads < 1)
                    throw new ArgumentException("--threads must be at least 1.");
            }
            catch (Exception error) when (error is ArgumentException or UsageException)
            {
                Console.Error.WriteLine($"mirrorsense pose: {error.Message}");
                return Task.FromResult(ExitUsage);
            }

            return Task.FromResult(Run(parse.GetValue(video)!, parse.GetValue(output)!, parse.GetValue(overlay), parse.GetValue(face), options, cancellation));
        });
        return command;
    }

    private static int Run(string videoPath, string csvPath, string? overlayPath, bool withFaces, PoseOptions options, CancellationToken cancellation)
    {
        IVideoSource source;
        try
        {
            source = new ReadAheadVideoSource(new VideoFileSource(videoPath));
        }
        catch (FileNotFoundException error)
        {
            Console.Error.WriteLine($"mirrorsense pose: {error.Message}");
            return ExitVideoFailed;
        }
        catch (VideoSourceException error)
        {
            Console.Error.WriteLine($"mirrorsense pose: {error.Message}");
            return ExitVideoFailed;
        }

        using (source)
        {
            PoseReport report;
            try
            {
                using var csv = new PoseCsvWriter(new StreamWriter(csvPath));
                using var overlay = overlayPath is null ? null : new PoseOverlayWriter(overlayPath, source.Format.Width, source.Format.Height, source.Format.FramesPerSecond);
                using var faceCsv = withFaces ? new FaceCsvWriter(new StreamWriter(FaceCsvPath(csvPath))) : null;
                report = ShowProgress(progress => PoseRun.Run(source, options, csv, overlay, faceCsv, progress, cancellation));
            }
            catch (FileNotFoundException error)
            {
                // The models are missing (an output path that cannot be created is a DirectoryNotFoundException).
                Console.Error.WriteLine($"mirrorsense pose: {error.Message}");
                return ExitVideoFailed;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mirrorsense pose: cannot write the output: {error.Message}");
                return ExitVideoFailed;
            }
            catch (OnnxRuntimeException error)
            {
                Console.Error.WriteLine($"mirrorsense pose: the pose model failed: {error.Message}");
                return ExitVideoFailed;
            }

            return Summarise(report, options, csvPath, videoPath);
        }
    }

    private static int Summarise(PoseReport report, PoseOptions options, string csvPath, string videoPath)
    {
        var stats = report.Statistics;
        var empty = report.Frames - stats.FramesWithPeople;
        if (report.Frames > 0 && empty > 0)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: no one was found in {empty} of {report.Frames} frames (no rows for those frames)."));
        if (stats.FramesWithExtraPeople > 0)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {stats.MostPeopleDetected} people were in view (in {stats.FramesWithExtraPeople} frames checked); only the {options.MaxPeople} most prominent are tracked."));
        }

        if (report.Faces is { } faces)
        {
            foreach (var participant in new[] { Participant.A, Participant.B })
            {
                if (faces.Missing(participant) > 0)
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"warning: {participant}'s face was not found in {faces.Missing(participant)} of the frames they were in (turned away, covered or too small; no face rows for those frames)."));
            }
        }

        if (report.Error is { } error)
            Console.Error.WriteLine($"mirrorsense pose: {error}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Frames} frames of {Path.GetFileName(videoPath)}, people found in {stats.FramesWithPeople}; landmarks in {Path.GetFullPath(csvPath)}"));
        if (report.Faces is not null)
            Console.WriteLine($"face meshes in {Path.GetFullPath(FaceCsvPath(csvPath))}");
        return report.Cancelled ? ExitCancelled : report.Error is not null ? ExitVideoFailed : ExitOk;
    }

    /// <summary>face.csv in the folder of the pose table.</summary>
    private static string FaceCsvPath(string csvPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csvPath))!, "face.csv");

    /// <summary>A progress bar with frames per second on standard error, only when a person is watching.</summary>
    private static PoseReport ShowProgress(Func<IProgress<PoseProgress>?, PoseReport> work)
    {
        if (Console.IsErrorRedirected)
            return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("pose", maxValue: 1);
                return work(new Progress(task));
            });
    }

    private sealed class Progress(ProgressTask task) : IProgress<PoseProgress>
    {
        public void Report(PoseProgress value)
        {
            if (value.TotalFrames is { } total)
                task.MaxValue = Math.Max(1, total);
            else
                task.IsIndeterminate = true;
            task.Value = value.Frames;
            task.Description = string.Create(CultureInfo.InvariantCulture, $"pose {value.FramesPerSecond:0.0} fps");
        }
    }
}
