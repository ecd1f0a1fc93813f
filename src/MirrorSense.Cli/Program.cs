using System.CommandLine;
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
};
return root.Parse(args).Invoke();
