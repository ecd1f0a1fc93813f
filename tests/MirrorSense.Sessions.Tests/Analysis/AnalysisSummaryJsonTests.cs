using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Analysis;

public sealed class AnalysisSummaryJsonTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-summary-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Summary_json_says_what_each_matrix_holds_and_the_report_reader_gets_it_back()
    {
        // Given gesture synchrony with rMEA's default cells (Fisher z, absolute) and tone turned back to r
        var rmea = new CrossCorrelationSettings(sampleRate: 1, lagSeconds: 1, windowSeconds: 2, incrementSeconds: 1);
        var summary = new AnalysisSummary(
            new Dictionary<string, string> { ["video"] = "dyad.mp4" },
            new Dictionary<string, double?>(),
            new CoordinationSettings(),
            new CoordinationReport([Measure(MeasureNames.GestureSynchrony, LagMatrixCells.Of(rmea)), Measure(MeasureNames.Tone, LagMatrixCells.Correlation)], []),
            TimeSpan.FromSeconds(3),
            [],
            Complete: true);

        // When written and read back
        var path = _folder.Combine("summary.json");
        using (var writer = new StreamWriter(path))
            AnalysisSummaryJson.Write(summary, writer);
        var read = SummaryJsonReader.Read(path);

        // Then each measure's matrix carries its own cells and range, and the measures are still read as before
        Assert.Equal(new LagMatrixCells("|Fisher z|", LagMatrixCells.Of(rmea).Description, 0, 10), read.Matrices[MeasureNames.GestureSynchrony]);
        Assert.Equal(LagMatrixCells.Correlation, read.Matrices[MeasureNames.Tone]);
        Assert.Equal([MeasureNames.GestureSynchrony, MeasureNames.Tone], read.Measures.Select(m => m.Name));
        Assert.Contains("\"file\": \"gesture_synchrony.ccf.csv\"", File.ReadAllText(path));
    }

    private static CoordinationMeasure Measure(string name, LagMatrixCells cells) =>
        new(name, 0.5, 0.01, 0, Participant.A, [], [], [])
        {
            Matrix = new MirrorSense.Synchrony.Coordination.LagMatrix([-1, 0, 1], [[0.1, 0.2, 0.3]], cells),
        };
}
