using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Preprocessing;
using MirrorSense.Testing;

namespace MirrorSense.Synchrony.Tests.CrossCorrelation;

/// <summary>Every cell of rMEA 1.3.0's window × lag matrices for dyad 200_01 (../shared/data/rmea/reference).</summary>
public sealed class RMeaParityTests
{
    private const double Tolerance = 1e-9;

    [SkippableFact]
    public void Configuration_A_raw_lag5_win60_inc30_z_abs_reproduces_every_cell()
    {
        // Given dyad 200_01 as rMEA reads it
        var dyad = ReferenceDyads.Load("normal", "200_01");

        // When correlating with MEAccf(lagSec=5, winSec=60, incSec=30, r2Z=TRUE, ABS=TRUE)
        var result = WindowedCrossCorrelation.Compute(dyad, new CrossCorrelationSettings(25, 5, 60, 30));

        // Then every cell equals rMEA's
        AssertMatches(ReferenceMatrix.Load("normal_200_configA_ccf.csv"), result);
    }

    [SkippableFact]
    public void Configuration_B_smooth_scale_lag5_win30_inc10_z_signed_reproduces_every_cell()
    {
        var dyad = ReferenceDyads.Load("normal", "200_01")
            .Apply(new RMeaMovingAverage(0.5), new StandardDeviationScaling());

        var result = WindowedCrossCorrelation.Compute(dyad, new CrossCorrelationSettings(25, 5, 30, 10, fisherZ: true, absolute: false));

        AssertMatches(ReferenceMatrix.Load("normal_200_configB_ccf.csv"), result);
    }

    private static void AssertMatches(ReferenceMatrix expected, CrossCorrelationResult actual)
    {
        Assert.Equal(expected.Rows.Count, actual.Windows.Length);
        var lagSeconds = Enumerable.Range(0, actual.Settings.LagCount).Select(actual.Settings.LagSecondsAt).ToArray();
        Assert.Equal(expected.LagSeconds, lagSeconds);
        var worst = 0.0;
        for (var w = 0; w < expected.Rows.Count; w++)
        {
            for (var l = 0; l < lagSeconds.Length; l++)
            {
                var e = expected.Rows[w][l];
                var a = actual.Windows[w].Values[l];
                Assert.True(double.IsNaN(e) == double.IsNaN(a), $"window {w + 1}, lag {lagSeconds[l]}: expected {e}, got {a}");
                if (!double.IsNaN(e))
                    worst = Math.Max(worst, Math.Abs(e - a));
            }
        }

        Assert.True(worst <= Tolerance, $"largest difference from rMEA is {worst:E3}");
    }
}

/// <summary>rMEA's exported matrix: header of quoted lag names, one quoted row name then values per row.</summary>
internal sealed record ReferenceMatrix(IReadOnlyList<double> LagSeconds, IReadOnlyList<double[]> Rows)
{
    public static ReferenceMatrix Load(string file)
    {
        var lines = File.ReadAllLines(ReferenceData.Require("rmea", "reference", file));
        var lags = lines[0].Split(',').Skip(1).Select(h => double.Parse(h.Trim('"')["lag".Length..], CultureInfo.InvariantCulture)).ToArray();
        var rows = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Skip(1).Select(c => c == "NA" ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return new ReferenceMatrix(lags, rows);
    }
}
