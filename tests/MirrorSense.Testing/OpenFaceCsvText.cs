using System.Globalization;
using System.Text;

namespace MirrorSense.Testing;

/// <summary>One frame of a person for <see cref="OpenFaceCsvText"/>: OpenFace's units (seconds, radians, mm, AU intensities 0–5).</summary>
public sealed record OpenFaceRow(
    double Timestamp,
    double Confidence = 0.98,
    int Success = 1,
    double GazeAngleX = 0,
    double GazeAngleY = 0,
    double PoseTx = 0,
    double PoseTy = 0,
    double PoseRx = 0,
    double PoseRy = 0,
    double PoseRz = 0,
    double Au06 = 0,
    double Au12 = 0);

/// <summary>
/// An OpenFace 2.x FeatureExtraction CSV as its Output Format page lays it out for <c>-pose -gaze -2Dfp -aus</c> (without
/// the eye-region landmarks): <c>frame, face_id, timestamp, confidence, success</c>, gaze vectors and angles, head pose,
/// the 68 landmarks in pixels, AU intensities then presences, each cell after a comma and a space as OpenFace writes them.
/// A frame OpenFace did not track has zeros, as OpenFace writes it.
/// </summary>
public static class OpenFaceCsvText
{
    private static readonly string[] Intensities = ["01", "02", "04", "05", "06", "07", "09", "10", "12", "14", "15", "17", "20", "23", "25", "26", "45"];
    private static readonly string[] Presences = ["01", "02", "04", "05", "06", "07", "09", "10", "12", "14", "15", "17", "20", "23", "25", "26", "28", "45"];

    public static string Header { get; } = string.Join(", ",
    [
        "frame", "face_id", "timestamp", "confidence", "success",
        "gaze_0_x", "gaze_0_y", "gaze_0_z", "gaze_1_x", "gaze_1_y", "gaze_1_z", "gaze_angle_x", "gaze_angle_y",
        "pose_Tx", "pose_Ty", "pose_Tz", "pose_Rx", "pose_Ry", "pose_Rz",
        .. Enumerable.Range(0, 68).Select(i => $"x_{i}"), .. Enumerable.Range(0, 68).Select(i => $"y_{i}"),
        .. Intensities.Select(au => $"AU{au}_r"), .. Presences.Select(au => $"AU{au}_c"),
    ]);

    public static string Write(IEnumerable<OpenFaceRow> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        var frame = 1;
        foreach (var row in rows)
        {
            var tracked = row.Success == 1;
            double Tracked(double value) => tracked ? value : 0;
            var cells = new List<string> { Cell(frame++), "0", Cell(Math.Round(row.Timestamp, 3)), Cell(row.Confidence), Cell(row.Success) };
            var (gx, gy) = (Tracked(row.GazeAngleX), Tracked(row.GazeAngleY));
            var gaze = (X: Math.Sin(gx), Y: Math.Sin(gy), Z: -Math.Cos(gx) * Math.Cos(gy));
            cells.AddRange(Enumerable.Repeat(new[] { gaze.X, gaze.Y, gaze.Z }, 2).SelectMany(v => v).Select(Cell));
            cells.AddRange(new[] { gx, gy, Tracked(row.PoseTx), Tracked(row.PoseTy), Tracked(600), Tracked(row.PoseRx), Tracked(row.PoseRy), Tracked(row.PoseRz) }.Select(Cell));
            cells.AddRange(Enumerable.Range(0, 68).Select(i => Cell(Tracked(300 + 2 * i))));
            cells.AddRange(Enumerable.Range(0, 68).Select(i => Cell(Tracked(200 + i))));
            cells.AddRange(Intensities.Select(au => Cell(Tracked(au == "06" ? row.Au06 : au == "12" ? row.Au12 : 0))));
            cells.AddRange(Presences.Select(au => Cell(tracked && ((au == "06" && row.Au06 >= 1) || (au == "12" && row.Au12 >= 1)) ? 1 : 0)));
            text.AppendJoin(", ", cells).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
