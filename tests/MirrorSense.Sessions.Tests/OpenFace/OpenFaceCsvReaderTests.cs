using MirrorSense.Sessions.OpenFace;
using MirrorSense.Sessions.Readers;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.OpenFace;

public sealed class OpenFaceCsvReaderTests
{
    private static readonly string[] Columns = OpenFaceCsvText.Header.Split(", ");

    private static int ColumnOf(string name) => Array.IndexOf(Columns, name) + 1;

    [Fact]
    public void A_FeatureExtraction_file_with_spaces_after_the_commas_reads_each_frame_in_OpenFaces_units()
    {
        // Given two frames as OpenFace writes them, the second not tracked
        using var folder = new TempFolder();
        var path = folder.Write("a.csv", OpenFaceCsvText.Write(
        [
            new OpenFaceRow(0, GazeAngleX: 0.25, GazeAngleY: -0.1, PoseTx: -300, PoseTy: 20, PoseRx: 0.1, PoseRy: -0.2, PoseRz: 0.05, Au06: 1.5, Au12: 2.75),
            new OpenFaceRow(0.033, Confidence: 0.2, Success: 0),
        ]));

        // When it is read
        var frames = OpenFaceCsvReader.Read(path);

        // Then each row is one frame with its time, tracking, gaze, pose, AUs and the 12 eye points
        Assert.Equal(2, frames.Count);
        var first = frames[0];
        Assert.Equal(0, first.Time.Seconds);
        Assert.True(first.Success);
        Assert.Equal(0.98, first.Confidence);
        Assert.Equal((0.25, -0.1), (first.GazeAngleX, first.GazeAngleY));
        Assert.Equal((-300.0, 20.0), (first.PoseTx, first.PoseTy));
        Assert.Equal((0.1, -0.2, 0.05), (first.PoseRx, first.PoseRy, first.PoseRz));
        Assert.Equal((1.5, 2.75), (first.CheekRaiser, first.LipCornerPuller));
        Assert.Equal(12, first.EyeLandmarks.Length);
        Assert.Equal(300 + 2 * 36, first.EyeLandmarks[0].X);
        Assert.Equal(0.033, frames[1].Time.Seconds, 6);
        Assert.False(frames[1].Success);
    }

    [Fact]
    public void A_file_without_the_landmarks_reads_without_eye_points()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.csv", string.Join(", ", OpenFaceCsvReader.RequiredColumns) + "\n0, 0.9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1\n");

        var frame = Assert.Single(OpenFaceCsvReader.Read(path));

        Assert.Empty(frame.EyeLandmarks);
        Assert.Equal(1, frame.LipCornerPuller);
    }

    [Fact]
    public void A_missing_required_column_is_named_with_the_file()
    {
        // Given a file written without -aus: no AU12_r
        using var folder = new TempFolder();
        var path = folder.Write("a.csv", OpenFaceCsvText.Write([new OpenFaceRow(0)]).Replace("AU12_r", "AU13_r", StringComparison.Ordinal));

        var error = Assert.Throws<SeriesFormatException>(() => OpenFaceCsvReader.Read(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(1, error.Line);
        Assert.Contains("\"AU12_r\"", error.Message);
        Assert.StartsWith($"{path}:1:", error.Message);
    }

    [Fact]
    public void A_cell_that_is_not_a_number_names_its_file_line_and_column()
    {
        // Given a second frame whose AU06 intensity reads "high"
        using var folder = new TempFolder();
        var lines = OpenFaceCsvText.Write([new OpenFaceRow(0), new OpenFaceRow(0.04)]).Split('\n');
        var cells = lines[2].Split(", ");
        cells[ColumnOf("AU06_r") - 1] = "high";
        lines[2] = string.Join(", ", cells);
        var path = folder.Write("a.csv", string.Join('\n', lines));

        var error = Assert.Throws<SeriesFormatException>(() => OpenFaceCsvReader.Read(path));

        Assert.Equal((3, ColumnOf("AU06_r")), (error.Line, error.Column));
        Assert.StartsWith($"{path}:3:{ColumnOf("AU06_r")}:", error.Message);
        Assert.Contains("AU06_r", error.Message);
        Assert.Contains("\"high\"", error.Message);
    }

    [Fact]
    public void Timestamps_going_backwards_name_the_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.csv", OpenFaceCsvText.Write([new OpenFaceRow(0), new OpenFaceRow(0.04), new OpenFaceRow(0.02)]));

        var error = Assert.Throws<SeriesFormatException>(() => OpenFaceCsvReader.Read(path));

        Assert.Equal((4, ColumnOf("timestamp")), (error.Line, error.Column));
        Assert.Contains("increase", error.Message);
    }

    [Fact]
    public void A_row_with_fewer_cells_than_the_header_names_the_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.csv", OpenFaceCsvText.Write([new OpenFaceRow(0)]) + "2, 0, 0.04, 0.9\n");

        var error = Assert.Throws<SeriesFormatException>(() => OpenFaceCsvReader.Read(path));

        Assert.Equal(3, error.Line);
        Assert.Contains($"expected {Columns.Length} cells", error.Message);
    }

    [Fact]
    public void A_second_face_in_one_file_is_refused()
    {
        // Given FaceLandmarkVidMulti's output: two faces' rows in one file
        using var folder = new TempFolder();
        var text = OpenFaceCsvText.Write([new OpenFaceRow(0), new OpenFaceRow(0.04)]);
        var lines = text.Split('\n');
        lines[2] = lines[2].Replace("2, 0, ", "2, 1, ", StringComparison.Ordinal);
        var path = folder.Write("a.csv", string.Join('\n', lines));

        var error = Assert.Throws<SeriesFormatException>(() => OpenFaceCsvReader.Read(path));

        Assert.Equal((3, ColumnOf("face_id")), (error.Line, error.Column));
    }

    [Fact]
    public void An_empty_file_and_a_missing_file_are_named()
    {
        using var folder = new TempFolder();
        var empty = folder.Write("empty.csv", "");

        Assert.StartsWith($"{empty}:1:", Assert.Throws<SeriesFormatException>(() => OpenFaceCsvReader.Read(empty)).Message);
        var missing = folder.Combine("none.csv");
        Assert.StartsWith($"{missing}:", Assert.Throws<SeriesFormatException>(() => OpenFaceCsvReader.Read(missing)).Message);
    }
}
