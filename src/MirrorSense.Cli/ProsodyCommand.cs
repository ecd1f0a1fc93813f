using System.CommandLine;
using System.Globalization;
using MirrorSense.Capture;
using MirrorSense.Prosody;

namespace MirrorSense.Cli;

/// <summary><c>mirrorsense prosody</c>: Praat-compatible pitch and intensity frames of one recording, and its inter-pausal units.</summary>
internal static class ProsodyCommand
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;

    // Long enough that a person waits and wants to see progress.
    private static readonly TimeSpan ProgressWorthShowing = TimeSpan.FromMinutes(2);

    public static Command Create()
    {
        var audio = new Argument<string>("AUDIO")
        {
            Description = "A recording: .wav/.aif(f) (PCM or float), .mp3, or any video/audio file ffmpeg reads (its first audio track).",
        };
        var output = new Option<string>("--out") { Description = "Frame CSV to write: time_s,f0_hz,intensity_db,voiced, one row per 10 ms.", Required = true };
        var channel = new Option<string>("--channel")
        {
            Description = "Which channel to analyse: left (participant A of a stereo dyad), right (B), or mix (mean of all channels).",
            DefaultValueFactory = _ => "mix",
        };
        channel.AcceptOnlyFromAmong("left", "right", "mix");
        var floor = new Option<double>("--floor") { Description = "Pitch floor in Hz (Praat To Pitch: 0, floor, ceiling); also sets the 3-period window.", DefaultValueFactory = _ => 75 };
        var ceiling = new Option<double>("--ceiling") { Description = "Pitch ceiling in Hz.", DefaultValueFactory = _ => 600 };
        var units = new Option<string?>("--units")
        {
            Description = "Also write inter-pausal units (pauses ≥ 0.3 s) with duration, mean pitch in semitones re the speaker's median, mean intensity and syllable rate.",
        };

        var command = new Command("prosody", """
            Pitch, intensity and voicing of one speaker's recording, frame for frame as Praat's
            "To Pitch: 0, 75, 600" (frame times, f0, voicing) with intensity as "To Intensity: 100, 0, yes"
            evaluated at the same frame centres. The file is streamed twice (length and peak, then analysis),
            never held in memory.

            Example:
              mirrorsense prosody session.wav --channel left --out a.prosody.csv --units a.units.csv

            Exit codes: 0 done (warnings, e.g. no voiced frames, on stderr); 1 the recording could not be
            read or the output not written; 2 usage error.
            """)
        {
            audio, output, channel, floor, ceiling, units,
        };

        command.SetAction(parse =>
        {
            var pitch = new PitchOptions { FloorHz = parse.GetValue(floor), CeilingHz = parse.GetValue(ceiling) };
            try
            {
                pitch.Validate();
            }
            catch (ArgumentException error)
            {
                Console.Error.WriteLine($"mirrorsense prosody: {error.Message}");
                return ExitUsage;
            }
            var selection = parse.GetValue(channel) switch { "left" => ChannelSelection.Left, "right" => ChannelSelection.Right, _ => ChannelSelection.Mix };
            return Run(new ProsodyRequest(parse.GetValue(audio)!, parse.GetValue(output)!, selection, pitch, parse.GetValue(units)));
        });
        return command;
    }

    private static int Run(ProsodyRequest request)
    {
        ProsodyOutcome outcome;
        try
        {
            var worthShowing = !Console.IsErrorRedirected && LooksLong(request.Audio);
            outcome = ConsoleProgress.ShowFraction(worthShowing, "prosody", progress => ProsodyFileRun.Run(request, progress));
        }
        catch (AudioSourceException error)
        {
            Console.Error.WriteLine($"mirrorsense prosody: {error.Message}");
            return ExitFailed;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"mirrorsense prosody: cannot write the output: {error.Message}");
            return ExitFailed;
        }

        foreach (var warning in outcome.Warnings)
            Console.Error.WriteLine($"warning: {warning}");
        var unitsNote = outcome.Units is { } count ? $", {count} inter-pausal units in {Path.GetFullPath(request.UnitsPath!)}" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Frames} frames ({outcome.VoicedFrames} voiced) over {outcome.Duration.TotalSeconds:0.###} s in {Path.GetFullPath(request.Output)}{unitsNote}"));
        return ExitOk;
    }

    // A cheap guess from the file size (≈ 32 kB/s for 16 kHz 16-bit mono), so short runs never flash a bar.
    private static bool LooksLong(string path)
    {
        try
        {
            return new FileInfo(path).Length > ProgressWorthShowing.TotalSeconds * 32_000;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
