using System.CommandLine;
using System.Globalization;
using MirrorSense.Capture;
using MirrorSense.Capture.Video;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Sessions.Batch;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Vision;
using Spectre.Console;

namespace MirrorSense.Cli;

/// <summary><c>mirrorsense analyze</c>: a recorded dyad in, coordination measures with significance, episodes, ELAN tiers and tables out.</summary>
internal static class AnalyzeCommand
{
    public const int ExitOk = 0;
    public const int ExitInputFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitCancelled = 130;

    public static Command Create()
    {
        var video = new Option<string?>("--video") { Description = "One video showing both people (A = left, B = right; --swap reverses)." };
        var videoA = new Option<string?>("--video-a") { Description = "Two-camera mode: A's video (use with --video-b; the cameras must start together)." };
        var videoB = new Option<string?>("--video-b") { Description = "Two-camera mode: B's video." };
        var pose = new Option<string?>("--pose") { Description = "Landmarks already extracted (a pose.csv from `mirrorsense pose` or an earlier analysis) instead of a video." };
        var session = new Option<string?>("--session") { Description = "A folder recorded by `mirrorsense live --record`: its landmarks with the pixel motion measured live, and its voices (WAVs when recorded with --raw-media, else prosody.csv). Outputs go to DIR/analysis unless --out says otherwise." };
        var audio = new Option<string?>("--audio") { Description = "One stereo recording: A on the left channel, B on the right." };
        var audioA = new Option<string?>("--audio-a") { Description = "A's voice recording (use with --audio-b)." };
        var audioB = new Option<string?>("--audio-b") { Description = "B's voice recording." };
        var noAudio = new Option<bool>("--no-audio") { Description = "Body only: do not look for voices (tone and tempo are then missing)." };
        var start = new Option<double>("--start") { Description = "Analyse from this time of the recordings (s).", DefaultValueFactory = _ => 0 };
        var end = new Option<double?>("--end") { Description = "Analyse up to this time (s); default: the end." };
        var offset = new Option<double>("--av-offset") { Description = "How many seconds the audio runs late against the video (negative: early).", DefaultValueFactory = _ => 0 };
        var config = new Option<string?>("--config") { Description = "A JSON file with any of the measures' parameters (see --print-config for all of them and their defaults)." };
        var printConfig = new Option<bool>("--print-config") { Description = "Print every parameter with its default as JSON, for --config, and exit." };
        var seed = new Option<int?>("--seed") { Description = "Seed of every surrogate and permutation test (default 1, or the config's)." };
        var model = new Option<string>("--model") { Description = "Landmark model: lite (faster) or full (steadier).", DefaultValueFactory = _ => "lite" };
        model.AcceptOnlyFromAmong("lite", "full");
        var landmarkEvery = LandmarkEveryOption.Create();
        var swap = new Option<bool>("--swap") { Description = "One-video mode: A is the person on the right." };
        var output = new Option<string?>("--out") { Description = "Folder for the outputs (created if needed)." };
        var openPose = new OpenPoseOptions();
        var openFace = new OpenFaceOptions();
        var face = new Option<bool>("--face") { Description = "One-video mode: also read each person's face mesh; features.csv gains smile, face_head_pitch/yaw/roll, gaze_yaw/pitch, looking_at_partner and eyes_open." };
        var command = new Command("analyze", """
            Coordination of a recorded dyad: posture mirroring, gesture synchrony, tone and tempo of voice,
            each with a surrogate p-value, best lag (positive: B follows A) and leader, over time and as episodes.

            Inputs: --video FILE (both people in one frame) or --video-a/--video-b (one camera each); voices from
            the video's audio track (stereo: A left, B right; with two videos, each video's own track), or from
            --audio STEREO, or --audio-a/--audio-b. Give only audio for voice measures alone. --session DIR
            re-analyses a folder recorded live (also one cut short by a crash: its whole rows are used).
            --openpose DIR reads OpenPose's keypoint files instead of a video (see --openpose below).

            Outputs in --out DIR: pose.csv, prosody.csv, units.csv, features.csv (time_s,participant,feature,value),
            synchrony.csv (measure,window_start_s,window_end_s,value,best_lag_s,leader,p_value),
            episodes.csv (measure,start_s,end_s,strength,leader,lag_s), session.eaf (ELAN: a tier per measure,
            each person's nods and shakes, with --face their smiles and looks and the mutual gaze),
            head_movements.csv, face_events.csv (with --face: participant,kind,start_s,end_s), summary.json (per measure: value, p_value, p_adjusted (Holm, across the session's
            measures), significant, best_lag_s, leader, lag_at_edge), report.html (summary and plots in one
            file; `mirrorsense report DIR` rebuilds it). For other tools: session_MEA.txt (each person's
            pixel_motion for rMEA: columns A B, NA = missing; readMEA(..., sampRate = 30, skip = 1, idOrder = NA)),
            units.TextGrid (Praat: a tier per speaker, each unit labelled with its syllable count, pauses empty).

            Examples:
              mirrorsense analyze --video session.mp4 --out results/
              mirrorsense analyze --video-a a.mp4 --video-b b.mp4 --audio-a a.wav --audio-b b.wav --seed 7 --out results/
              mirrorsense analyze --openpose openpose_json/ --fps 25 --audio voices.wav --out results/
              mirrorsense analyze --print-config > settings.json    # edit, then --config settings.json
              mirrorsense analyze --session recordings/monday        # results in recordings/monday/analysis

            Exit codes: 0 done; 1 an input could not be read (outputs cover what was processed); 2 usage error;
            130 stopped with Ctrl+C (outputs cover what was processed).
            """)
        {
            video, videoA, videoB, pose, session, audio, audioA, audioB, noAudio, start, end, offset, config, printConfig, seed, model, landmarkEvery, swap, face, output,
        };
        foreach (var option in openPose.All.Concat(openFace.All))
            command.Options.Add(option);

        command.SetAction((parse, cancellation) =>
        {
            if (parse.GetValue(printConfig))
            {
                Console.WriteLine(CoordinationSettingsJson.Defaults());
                return Task.FromResult(ExitOk);
            }

            return Task.FromResult(Analyze("analyze", () =>
            {
                var faces = openFace.Resolve(parse, parse.GetValue(face));
                if (parse.GetValue(face) && parse.GetValue(video) is null)
                    throw new UsageException("--face needs --video (one video showing both people): the face model needs the pictures, and looking at the partner is judged within one frame.");
                var keypoints = openPose.Parse(parse);
                if (keypoints is not null && parse.GetValue(session) is not null)
                    throw new UsageException("--session DIR brings its own landmarks: give no --openpose with it.");
                var settings = parse.GetValue(config) is { } path ? CoordinationSettingsJson.Read(path) : new CoordinationSettings();
                if (parse.GetValue(seed) is { } chosen)
                    settings = settings.WithSeed(chosen);
                var inputs = new SessionInputs(
                    parse.GetValue(video), parse.GetValue(videoA), parse.GetValue(videoB), parse.GetValue(pose), parse.GetValue(audio), parse.GetValue(audioA), parse.GetValue(audioB), parse.GetValue(noAudio),
                    parse.GetValue(start), parse.GetValue(end), parse.GetValue(offset), Swap: parse.GetValue(swap));
                var poseOptions = new PoseOptions(
                    Model: parse.GetValue(model) == "full" ? LandmarkModelKind.Full : LandmarkModelKind.Lite,
                    LandmarkEvery: LandmarkEveryOption.Checked(parse.GetValue(landmarkEvery)));
                var request = parse.GetValue(session) is { } recorded
                    ? SessionRequests.FromRecording(recorded, inputs, parse.GetValue(output) ?? Path.Combine(recorded, "analysis"), settings, poseOptions)
                    : SessionRequests.Resolve(
                        inputs,
                        InputLabels.Options,
                        parse.GetValue(output) ?? throw new UsageException("--out DIR is required: the folder the outputs go to."),
                        settings,
                        poseOptions,
                        keypoints,
                        hasFaces: faces is not null);
                return OpenFaceOptions.With(request with { Faces = parse.GetValue(face) }, faces);
            }, cancellation));
        });
        return command;
    }

    /// <summary>Resolves the request (a usage error exits 2, an unreadable input 1, each named on standard error) and runs it.</summary>
    internal static int Analyze(string commandName, Func<AnalyzeRequest> resolve, CancellationToken cancellation)
    {
        AnalyzeRequest request;
        try
        {
            request = resolve();
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"mirrorsense {commandName}: {error.Message}");
            return ExitUsage;
        }
        catch (Exception error) when (error is SettingsFileException or AudioSourceException or VideoSourceException or FileNotFoundException or SessionFolderException or SeriesFormatException)
        {
            Console.Error.WriteLine($"mirrorsense {commandName}: {error.Message}");
            return ExitInputFailed;
        }

        return Run(request, cancellation);
    }

    private static int Run(AnalyzeRequest request, CancellationToken cancellation)
    {
        AnalyzeOutcome outcome;
        try
        {
            outcome = ShowProgress(request, progress => new SessionAnalysisRun(request).Run(progress, cancellation));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"mirrorsense analyze: cannot write to '{request.Output}': {error.Message}");
            return ExitInputFailed;
        }

        foreach (var warning in outcome.Warnings)
            Console.Error.WriteLine($"warning: {warning}");
        foreach (var error in outcome.Errors)
            Console.Error.WriteLine($"error: {error}");
        foreach (var missing in outcome.Report.Missing)
            Console.Error.WriteLine($"note: {missing.Name} not measured: {missing.Reason}");
        foreach (var m in outcome.Report.Measures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Name,-18} {m.Value,8:0.000}  p = {m.PValue:0.000}{(m.Significant ? " *" : "  ")} (adjusted {m.PAdjusted:0.000})  lag {m.BestLagSeconds,6:0.00} s  leader {(m.Leader?.ToString() ?? "-")}  episodes {m.Episodes.Length}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.Analysed.TotalSeconds:0.#} s analysed; results in {Path.GetFullPath(request.Output)}"));
        return outcome.Cancelled ? ExitCancelled : outcome.Errors.Count > 0 ? ExitInputFailed : ExitOk;
    }

    /// <summary>One bar per side (body, voice A, voice B) with time remaining, on standard error when a person is watching.</summary>
    private static AnalyzeOutcome ShowProgress(AnalyzeRequest request, Func<Action<AnalyzeProgress>?, AnalyzeOutcome> work)
    {
        if (Console.IsErrorRedirected)
            return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var body = request.Video is null ? null : context.AddTask("pose", maxValue: 1);
                var voiceA = request.Voice is VoiceInput.Files ? context.AddTask("voice A", maxValue: 1) : null;
                var voiceB = request.Voice is VoiceInput.Files ? context.AddTask("voice B", maxValue: 1) : null;
                return work(p =>
                {
                    if (body is not null && p.Body is { } b)
                        body.Value = b;
                    if (voiceA is not null && p.VoiceA is { } a)
                        voiceA.Value = a;
                    if (voiceB is not null && p.VoiceB is { } vb)
                        voiceB.Value = vb;
                });
            });
    }
}
