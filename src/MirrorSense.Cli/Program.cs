using System.CommandLine;
using MirrorSense.Cli.Live;
using MirrorSense.Cli;

var root = new RootCommand("MirrorSense: nonverbal mirroring and synchrony in dyads (posture, gesture, tone and tempo of voice).")
{
    SyncCommand.Create(),
    ProsodyCommand.Create(),
    DevicesCommand.Create(),
    AnalyzeCommand.Create(),
    BatchCommand.Create(),
    PoseCommand.Create(),
    ModelsCommand.Create(),
    DemoCommand.Create(),
    ReportCommand.Create(),
    LiveCommand.Create(),
};
// Ctrl+C cancels the running command, which then writes what it has (an analysis still computes its measures on the
// part processed); the default of forcing the exit after two seconds would cut that short.
return root.Parse(args).Invoke(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) });
