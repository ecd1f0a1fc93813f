using System.CommandLine;
using MirrorSense.Cli;

var root = new RootCommand("MirrorSense: nonverbal mirroring and synchrony in dyads (posture, gesture, tone and tempo of voice).")
{
    SyncCommand.Create(),
    ProsodyCommand.Create(),
    DevicesCommand.Create(),
    AnalyzeCommand.Create(),
    PoseCommand.Create(),
    ModelsCommand.Create(),
    ReportCommand.Create(),
};
return root.Parse(args).Invoke();
