using System.CommandLine;
using System.Globalization;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Synchrony.Live;
using MirrorSense.Vision;

namespace MirrorSense.Cli.Live;

/// <summary><c>mirrorsense live</c>: live mirroring feedback from a webcam and microphones, on a local page or in the terminal.</summary>
internal static class LiveCommand
{
    public const int ExitUsage = 2;

    public static Command Create()
    {
        var camera = new Option<string?>("--camera") { Description = "The camera showing both people: an index (0), a device (/dev/video0), a video file or pipe (a recording fed at its own pace), or a part of the screen (screen:X,Y,W,H; a window: screen:window=TITLE on Windows, screen:window=ID on Linux).", HelpName = "CAMERA" };
        var cameraA = new Option<string?>("--camera-a") { Description = "One camera per person: the camera showing A (index, device, file or pipe, as --camera). Give --camera-b too.", HelpName = "CAMERA" };
        var cameraB = new Option<string?>("--camera-b") { Description = "The camera showing B; in a video call the partner's picture on the screen, screen:X,Y,W,H (left, top, width, height in pixels).", HelpName = "CAMERA" };
        var mic = new Option<string?>("--mic") { Description = "One microphone for the trainee (A); 'default' for the system's default input. Tone and tempo need both voices: use --mic-a/--mic-b or --stereo-mic.", HelpName = "DEVICE" };
        var micA = new Option<string?>("--mic-a") { Description = "Participant A's microphone (see `mirrorsense devices`).", HelpName = "DEVICE" };
        var micB = new Option<string?>("--mic-b") { Description = "Participant B's microphone; 'output' for what the computer plays (the other side of a video call).", HelpName = "DEVICE" };
        var stereo = new Option<string?>("--stereo-mic") { Description = "One stereo input carrying A on the left channel and B on the right (e.g. two lavaliers into one interface).", HelpName = "DEVICE" };
        var record = new Option<string?>("--record") { Description = "Folder to record the session into (manifest.json, pose.csv, prosody.csv, features.csv, coordination.csv). Default: live-sessions/<date-time>.", HelpName = "DIR" };
        var rawMedia = new Option<bool>("--raw-media") { Description = "Also keep the video (MJPG .avi) and the voices (.wav). Off by default: only measurements are kept." };
        var port = new Option<int>("--port") { Description = "Port of the live page (0: any free port).", DefaultValueFactory = _ => 5180 };
        var bind = new Option<string>("--bind") { Description = "Address the page listens on. Only this machine can reach the default; another address exposes the live view to your network.", DefaultValueFactory = _ => "127.0.0.1" };
        var terminal = new Option<bool>("--terminal") { Description = "Show the live view in this terminal instead of a browser page (consent is asked here)." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Do not open the browser; open the printed address yourself." };
        var noCues = new Option<bool>("--no-cues") { Description = "Meters only, no coaching cues (for a natural conversation)." };
        var trainee = new Option<string>("--trainee") { Description = "Who is practising; cues speak to them.", DefaultValueFactory = _ => "A" };
        trainee.AcceptOnlyFromAmong("A", "B");
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl+C, or until every source has ended).", HelpName = "SEC" };
        var calibration = new Option<double>("--calibration") { Description = "Seconds at the start whose readings set each meter's band (no cue before then).", DefaultValueFactory = _ => 120 };
        var linger = new Option<double>("--linger") { Description = "Seconds the page stays up after the session to show the report link (Ctrl+C ends sooner).", DefaultValueFactory = _ => 600 };
        var face = new Option<bool>("--face") { Description = "Also read each person's face (needs --camera, one camera showing both people): the page draws each face's outline with a smile and gaze marker, and features.csv gains smile, face_head_pitch/yaw/roll, gaze_yaw/pitch, looking_at_partner and eyes_open. Faces are read at most 15 times a second and put off while a newer camera frame waits, so the body never waits for them." };
        var model = new Option<string>("--model") { Description = "Landmark model: lite (faster) or full (steadier).", DefaultValueFactory = _ => "lite" };
        model.AcceptOnlyFromAmong("lite", "full");
        var models = new Option<string?>("--models") { Description = "Folder with the ONNX models (default: as `mirrorsense models` finds them).", HelpName = "DIR" };

        var command = new Command("live", """
            Live mirroring feedback while two people talk: posture mirroring, gesture synchrony, tone and
            tempo of voice, each as a 0–100 meter (50 = what chance alignment of these two gives) with its
            confidence and who leads; who is speaking, talk share, interruptions and backchannels; one short
            coaching cue at a time. Both people agree on the consent screen before anything is captured.
            Everything stays on this machine; the page listens on 127.0.0.1 unless --bind says otherwise.

            Examples:
              mirrorsense live --camera 0 --mic-a "USB mic 1" --mic-b "USB mic 2"
              mirrorsense live --camera 0 --stereo-mic default --record sessions/today
              mirrorsense live --camera-a 0 --camera-b 1 --mic-a "USB mic 1" --mic-b "USB mic 2"
              mirrorsense live --camera 0 --mic default --terminal --no-cues
              mirrorsense live --camera 0 --stereo-mic default --face
              mirrorsense live --camera-a 0 --camera-b screen:800,100,640,480 --mic-a default --mic-b output

            At the end the session is re-analysed like `mirrorsense analyze --session DIR` and the report is
            linked from the page. Exit codes: 0 done; 1 a device could not be opened; 2 usage error;
            130 stopped before consent or with Ctrl+C (what was captured is recorded either way).
            """)
        {
            camera, cameraA, cameraB, mic, micA, micB, stereo, record, rawMedia, port, bind, terminal, noBrowser, noCues, trainee, duration, calibration, linger, face, model, models,
        };

        command.SetAction(async (parse, cancellation) =>
        {
            LiveRequest request;
            try
            {
                var cameras = Cameras(parse.GetValue(camera), parse.GetValue(cameraA), parse.GetValue(cameraB));
                var microphones = Microphones(parse.GetValue(mic), parse.GetValue(micA), parse.GetValue(micB), parse.GetValue(stereo));
                if (cameras.Count == 0 && microphones.Count == 0)
                    throw new ArgumentException("nothing to capture: give --camera (or --camera-a/--camera-b) and/or a microphone (--mic, --mic-a/--mic-b, --stereo-mic). `mirrorsense devices` lists them.");
                var seconds = parse.GetValue(duration);
                if (seconds is <= 0)
                    throw new ArgumentException("--duration must be positive.");
                if (parse.GetValue(port) is < 0 or > 65535)
                    throw new ArgumentException("--port must be between 0 and 65535.");
                if (!System.Net.IPAddress.TryParse(parse.GetValue(bind), out _))
                    throw new ArgumentException($"--bind must be an IP address such as 127.0.0.1 (got '{parse.GetValue(bind)}').");
                var coaching = new CoachingOptions(
                    Trainee: parse.GetValue(trainee) == "B" ? Participant.B : Participant.A,
                    CalibrationSeconds: parse.GetValue(calibration),
                    Cues: !parse.GetValue(noCues));
                coaching.Validate();
                request = new LiveRequest(
                    cameras,
                    microphones,
                    parse.GetValue(record) ?? Path.Combine("live-sessions", DateTime.Now.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture)),
                    parse.GetValue(rawMedia),
                    parse.GetValue(bind)!,
                    parse.GetValue(port),
                    parse.GetValue(terminal),
                    !parse.GetValue(noBrowser) && !parse.GetValue(terminal),
                    seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                    new PoseOptions(Model: parse.GetValue(model) == "full" ? LandmarkModelKind.Full : LandmarkModelKind.Lite, ModelFolder: parse.GetValue(models)),
                    new LiveCoordinationOptions(),
                    coaching)
                {
                    Faces = parse.GetValue(face),
                };
                if (request.Faces && (cameras.Count != 1 || cameras[0].Shows is not null))
                    throw new ArgumentException("--face needs --camera (one camera showing both people): looking at the partner is judged within one frame.");
                PoseModelFiles.Locate(request.Pose.Model, request.Pose.ModelFolder);
            }
            catch (Exception error) when (error is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"mirrorsense live: {error.Message}");
                return ExitUsage;
            }

            return await new LiveSession(request, Console.Out).RunAsync(TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(linger))), cancellation);
        });
        return command;
    }

    private static List<CameraInput> Cameras(string? shared, string? cameraA, string? cameraB)
    {
        if (shared is not null && (cameraA is not null || cameraB is not null))
            throw new ArgumentException("give either --camera (one camera showing both people) or --camera-a with --camera-b (one camera per person), not both.");
        if ((cameraA is null) != (cameraB is null))
            throw new ArgumentException($"--camera-a and --camera-b go together: posture and gesture need both people (only {(cameraA is null ? "--camera-b" : "--camera-a")} was given).");
        if (cameraA is not null && cameraA == cameraB)
            throw new ArgumentException($"--camera-a and --camera-b are the same camera ('{cameraA}'); for one camera showing both people use --camera.");
        foreach (var device in (string?[])[shared, cameraA, cameraB])
        {
            // A malformed screen region is a usage error, reported before anything starts.
            if (device is not null && ScreenTarget.Names(device))
                ScreenTarget.Parse(device);
        }

        if (shared is not null)
            return [new CameraInput(shared, null)];
        return cameraA is null ? [] : [new CameraInput(cameraA, Participant.A), new CameraInput(cameraB!, Participant.B)];
    }

    private static List<MicrophoneInput> Microphones(string? mic, string? micA, string? micB, string? stereo)
    {
        var forms = new[] { mic is not null, micA is not null || micB is not null, stereo is not null }.Count(given => given);
        if (forms > 1)
            throw new ArgumentException("give one of --mic, --mic-a/--mic-b, or --stereo-mic.");
        static string? Device(string name) => name == "default" ? null : name;
        if (mic is not null)
            return [new MicrophoneInput(Device(mic), [(Participant.A, 0)], 1)];
        if (stereo is not null)
            return [new MicrophoneInput(Device(stereo), [(Participant.A, 0), (Participant.B, 1)], 2)];
        var list = new List<MicrophoneInput>();
        if (micA is not null)
            list.Add(new MicrophoneInput(Device(micA), [(Participant.A, 0)], 1));
        if (micB is not null)
            list.Add(new MicrophoneInput(Device(micB), [(Participant.B, 0)], 1));
        return list;
    }
}
