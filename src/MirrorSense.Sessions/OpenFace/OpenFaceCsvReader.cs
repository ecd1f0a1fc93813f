using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using MirrorSense.Core;
using MirrorSense.Sessions.Readers;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Sessions.OpenFace;

/// <summary>
/// Reads one person's OpenFace 2.x FeatureExtraction CSV as its Output Format page describes it: a header of column
/// names, then one row per frame, cells separated by a comma and usually a space. Columns are found by name, so the
/// file may hold more or fewer than the ones used (OpenFace writes only what its -aus, -pose, -gaze and -2Dfp flags
/// ask for); the eye landmarks (<c>x_36</c>…<c>x_47</c>, <c>y_36</c>…<c>y_47</c>) are optional. Rows OpenFace could not
/// track are kept as they are: deciding that they are missing is the features' job (<see cref="OpenFaceFeatures"/>).
/// A malformed file stops the reading with its <c>file:line:column</c>.
/// </summary>
public static class OpenFaceCsvReader
{
    /// <summary>The columns every file must have, in the order <see cref="OpenFaceFrame"/> takes them after the time.</summary>
    public static ImmutableArray<string> RequiredColumns { get; } =
        ["timestamp", "confidence", "success", "gaze_angle_x", "gaze_angle_y", "pose_Tx", "pose_Ty", "pose_Rx", "pose_Ry", "pose_Rz", "AU06_r", "AU12_r"];

    private const int FirstEyePoint = 36;
    private const int EyePoints = 12;

    /// <exception cref="SeriesFormatException">The file is missing, empty, lacks a column, or has a malformed row.</exception>
    public static IReadOnlyList<OpenFaceFrame> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new SeriesFormatException(path, null, null, "expected an OpenFace FeatureExtraction CSV but there is no such file");
        using var reader = TableText.Open(path);
        var splitter = new DelimitedLineSplitter(',');
        var cells = new List<Range>();
        var header = reader.ReadLine();
        if (header is null || splitter.IsBlank(header))
            throw new SeriesFormatException(path, 1, null, $"expected OpenFace's header ({string.Join(", ", RequiredColumns)}, …) but the file is empty");
        splitter.TrySplit(header, cells);
        var names = new HeaderRow(path, 1, [.. cells.Select(c => CellText.Name(header.AsSpan()[c]))]);
        var required = RequiredColumns.Select(name => names.Resolve(ColumnReference.Named(name))).ToArray();
        var eyes = EyeColumns(header, cells);
        var faceId = Optional(header, cells, "face_id");

        var frames = new List<OpenFaceFrame>();
        var line = 1;
        var values = new double[required.Length];
        double? firstFace = null;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (splitter.IsBlank(text))
                continue;
            if (!splitter.TrySplit(text, cells) || cells.Count != names.Count)
                throw new SeriesFormatException(path, line, Math.Min(cells.Count, names.Count) + 1, $"expected {names.Count} cells like the header but found {cells.Count}");
            for (var i = 0; i < required.Length; i++)
                values[i] = Number(path, line, text, cells, required[i], names);
            var time = values[0];
            if (double.IsNaN(time))
                throw new SeriesFormatException(path, line, required[0] + 1, "expected a timestamp (seconds) but the cell is empty");
            if (frames.Count > 0 && !(time > frames[^1].Time.Seconds))
            {
                throw new SeriesFormatException(path, line, required[0] + 1, string.Create(CultureInfo.InvariantCulture,
                    $"expected timestamps to increase but {time} follows {frames[^1].Time.Seconds} (for image sequences give OpenFace the frame rate with -fps)"));
            }

            if (faceId is { } id)
            {
                var face = Number(path, line, text, cells, id, names);
                firstFace ??= face;
                if (face != firstFace)
                {
                    throw new SeriesFormatException(path, line, id + 1, string.Create(CultureInfo.InvariantCulture,
                        $"expected one face per file but face_id {face} follows {firstFace} (give each person's face its own file, as FeatureExtraction writes them)"));
                }
            }

            frames.Add(new OpenFaceFrame(
                MediaTime.FromSeconds(time),
                Confidence: values[1],
                Success: values[2] == 1,
                GazeAngleX: values[3],
                GazeAngleY: values[4],
                PoseTx: values[5],
                PoseTy: values[6],
                PoseRx: values[7],
                PoseRy: values[8],
                PoseRz: values[9],
                CheekRaiser: values[10],
                LipCornerPuller: values[11],
                EyeLandmarks: eyes is null ? [] : [.. eyes.Select(p => new Vector2(
                    (float)Number(path, line, text, cells, p.X, names),
                    (float)Number(path, line, text, cells, p.Y, names)))]));
        }

        return frames;
    }

    /// <summary>The positions of x_36…x_47 and y_36…y_47, or null when the file has not all of them.</summary>
    private static (int X, int Y)[]? EyeColumns(string header, List<Range> cells)
    {
        var points = Enumerable.Range(FirstEyePoint, EyePoints)
            .Select(i => (X: Optional(header, cells, $"x_{i}"), Y: Optional(header, cells, $"y_{i}")))
            .ToArray();
        return points.All(p => p.X is not null && p.Y is not null) ? [.. points.Select(p => (p.X!.Value, p.Y!.Value))] : null;
    }

    private static int? Optional(string header, List<Range> cells, string name)
    {
        for (var i = 0; i < cells.Count; i++)
            if (CellText.Name(header.AsSpan()[cells[i]]) == name)
                return i;
        return null;
    }

    private static double Number(string path, int line, string text, List<Range> cells, int column, HeaderRow names)
    {
        var cell = text.AsSpan()[cells[column]];
        return CellText.TryParseValue(cell, out var value)
            ? value
            : throw new SeriesFormatException(path, line, column + 1, $"expected a number in column {names.Describe(column)} but found {CellText.Show(cell)}");
    }
}
