using BenchmarkDotNet.Running;
using MirrorSense.Bench;

// `engine`/`streaming` (or any BenchmarkDotNet filter) run micro benchmarks; `sync-process` and `prosody-process`
// time the CLI end to end (the latter against Praat in the same run); `prosody-stages` times prosody's stages alone;
// `pose` times the pose pipeline per stage and end to end on constructed 640×480 H.264 videos; `analyze-process`
// times the whole analysis of a session; `long-session` its peak memory as the session grows to hours; `live-latency` and `live-soak` run `mirrorsense live` on virtual devices and
// measure capture-to-page latency, and memory over a long session; `calibration` measures every measure's
// false-positive rate and power on designed null and effect sessions.
try
{
    if (args.Length > 0 && args[0] == "sync-process")
        return SyncProcessBenchmark.Run(args[1..]);
    if (args.Length > 0 && args[0] == "prosody-process")
        return ProsodyProcessBenchmark.Run(args[1..]);
    if (args.Length > 0 && args[0] == "analyze-process")
        return AnalyzeProcessBenchmark.Run(args[1..]);
    if (args.Length > 0 && args[0] == "long-session")
        return LongSessionBenchmark.Run(args[1..]);
    if (args.Length > 0 && args[0] == "prosody-stages")
        return ProsodyStageBenchmark.Run(args[1..]);
    if (args.Length > 0 && args[0] == "pose")
        return PoseBenchmark.Run(args[1..]);
    if (args.Length > 0 && args[0] == "live-latency")
        return await LiveLatencyBenchmark.Run(args[1..]);
    if (args.Length > 0 && args[0] == "calibration")
        return MirrorSense.Bench.Calibration.CalibrationCommand.Run(args[1..]);
    if (args.Length > 0 && args[0] == "live-soak")
        return await LiveSoakBenchmark.Run(args[1..]);
}
catch (BenchSetupException error)
{
    // A machine not set up for a benchmark is the user's to fix, not a crash.
    Console.Error.WriteLine($"bench: {error.Message}");
    return 2;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
