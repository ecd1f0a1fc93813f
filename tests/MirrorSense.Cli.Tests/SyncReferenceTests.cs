using System.Globalization;
using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

/// <summary>The sync command's files against rMEA's own matrices for dyad 200_01.</summary>
public sealed class SyncReferenceTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly TempFolder _folder = new("mirrorsense-cli-ref-");

    public void Dispose() => _folder.Dispose();

    [SkippableTheory]
    [InlineData("normal_200_configA_ccf.csv", new[] { "--lag", "5", "--win", "60", "--inc", "30" })]
    [InlineData("normal_200_configB_ccf.csv", new[] { "--smooth", "0.5", "--scale", "sd", "--lag", "5", "--win", "30", "--inc", "10", "--signed" })]
    public void The_matrix_and_summary_of_dyad_200_match_rMEA(string reference, string[] configuration)
    {
        var expected = ReadMatrix(ReferenceData.Require("rmea", "reference", reference));
        var input = ReferenceData.Require("rmea", "normal", "200_01.txt");

        var run = MirrorSenseProcess.Run(["sync", input, "--fps", "25", .. configuration, "--out", _folder.Path]);

        Assert.True(run.ExitCode == 0, run.Error);
        var actual = ReadMatrix(_folder.Combine("200_01.ccf.csv"));
        Assert.Equal(expected.Length, actual.Length);
        for (var w = 0; w < expected.Length; w++)
            for (var l = 0; l < expected[w].Length; l++)
                Assert.True(Math.Abs(expected[w][l] - actual[w][l]) <= Tolerance, $"w{w + 1}, lag column {l}: {expected[w][l]} vs {actual[w][l]}");

        // The summary row aggregates the matrix the way the issue defines it (rMEA's ccfRes, averaged over windows).
        var summary = File.ReadAllLines(_folder.Combine("summary.csv"))[1].Split(',');
        var lag = (expected[0].Length - 1) / 2;
        Assert.Equal("200_01", summary[0]);
        Assert.Equal(expected.Length.ToString(CultureInfo.InvariantCulture), summary[1]);
        AssertClose(expected.SelectMany(r => r).Average(), summary[2]);
        AssertClose(expected.Average(r => r[lag]), summary[3]);
        AssertClose(expected.Average(r => r.Average()), summary[4]);
        AssertClose(expected.Average(r => r[(lag + 1)..].Average()), summary[5]);
        AssertClose(expected.Average(r => r[..lag].Average()), summary[6]);
        AssertClose(Median(expected.Select(r => (Array.IndexOf(r, r.Max()) - lag) / 25.0)), summary[7]);
    }

    private static void AssertClose(double expected, string actual) =>
        Assert.True(Math.Abs(expected - double.Parse(actual, CultureInfo.InvariantCulture)) <= Tolerance, $"expected {expected}, got {actual}");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double[][] ReadMatrix(string path) =>
        [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray())];
}
