using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-cli-report-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_complete_folder_gets_its_report_and_exit_code_zero()
    {
        // Given an analysis folder without a report
        var folder = SyntheticAnalysisFolder.Write(_folder.Combine("session"));

        // When the report command runs on it
        var run = MirrorSenseProcess.Run("report", folder);

        // Then report.html is there and the path is printed
        Assert.Equal(0, run.ExitCode);
        var report = Path.Combine(folder, "report.html");
        Assert.Contains(report, run.Output);
        Assert.Contains("posture_mirroring", File.ReadAllText(report));
    }

    [Fact]
    public void A_malformed_table_is_named_with_its_line_and_no_stack_trace()
    {
        // Given a folder whose episodes table has a bad leader
        var folder = SyntheticAnalysisFolder.Write(_folder.Combine("session"));
        var episodes = Path.Combine(folder, "episodes.csv");
        File.WriteAllText(episodes, "measure,start_s,end_s,strength,leader,lag_s\nposture_mirroring,10,20,0.7,C,1\n");

        // When the report command runs on it
        var run = MirrorSenseProcess.Run("report", folder);

        // Then it fails naming file, line and column, and writes no report
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{episodes}:2:5", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void A_folder_without_a_summary_names_summary_json()
    {
        // Given an empty folder
        var folder = _folder.Combine("empty");
        Directory.CreateDirectory(folder);

        // When the report command runs on it
        var run = MirrorSenseProcess.Run("report", folder);

        // Then the error names the missing file
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.Combine(folder, "summary.json"), run.Error);
    }
}
