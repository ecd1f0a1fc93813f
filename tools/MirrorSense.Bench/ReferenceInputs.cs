using MirrorSense.Core;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Bench;

/// <summary>The 20 rMEA reference recordings, from MIRRORSENSE_REFERENCE_DATA (never copied into the repository).</summary>
internal static class ReferenceInputs
{
    public static string Root =>
        Environment.GetEnvironmentVariable("MIRRORSENSE_REFERENCE_DATA") is { Length: > 0 } root
            ? root
            : throw new BenchSetupException("Set MIRRORSENSE_REFERENCE_DATA to the shared reference data folder (../shared/data).");

    public static string[] Files() =>
        [.. new[] { "normal", "dropout" }.SelectMany(group => Directory.GetFiles(Path.Combine(Root, "rmea", group), "*.txt")).Order()];

    public static DyadSeries[] Dyads() => [.. Files().Select(f => DyadSeriesReader.Read(f, 25))];
}
