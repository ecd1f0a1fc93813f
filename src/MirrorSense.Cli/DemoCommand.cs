using System.CommandLine;
using MirrorSense.Sessions.Batch;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Vision;

namespace MirrorSense.Cli;

/// <summary>
/// <c>mirrorsense demo</c>: <c>analyze</c> on the demo session that ships beside the program (samples/demo-session in
/// the source tree), so an installed tool shows what it does with no camera, no download and no file of one's own.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Where the build puts the demo session: demo/ beside the program.</summary>
    public static string SessionVideo => Path.Combine(AppContext.BaseDirectory, "demo", "session.mp4");

    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder for the outputs (created if needed).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "demo-output",
        };
        var command = new Command("demo", """
            Runs `mirrorsense analyze` on the bundled demo session: one 60 s video of two seated people (A on the
            left leans slowly; B mirrors A's lean one second later) with two synthetic voices on its stereo track.
            A correct analysis finds posture mirroring and gesture synchrony led by A at a lag of about +1 s.
            Needs ffmpeg on the PATH for the voices, like `analyze` on any video.

            Outputs in --out DIR (default demo-output), as `mirrorsense analyze` writes them: report.html,
            summary.json, synchrony.csv, episodes.csv, session.eaf and the tables.

            Examples:
              mirrorsense demo
              mirrorsense demo --out /tmp/mirrorsense-demo
            """)
        {
            output,
        };

        command.SetAction((parse, cancellation) =>
        {
            var video = SessionVideo;
            Console.Error.WriteLine($"Demo session: {video} (B mirrors A's lean one second later)");
            return Task.FromResult(AnalyzeCommand.Analyze("demo", () =>
            {
                if (!File.Exists(video))
                    throw new FileNotFoundException($"the demo session is not beside the program ({video}); reinstall MirrorSense, or run `mirrorsense analyze --video FILE --out DIR` on a recording of your own.", video);
                return SessionRequests.Resolve(new SessionInputs(Video: video), InputLabels.Options, parse.GetValue(output)!, new CoordinationSettings(),
                    new PoseOptions());
            }, cancellation));
        });
        return command;
    }
}
