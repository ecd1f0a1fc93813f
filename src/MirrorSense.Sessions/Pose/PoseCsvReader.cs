using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Pose;

/// <summary>
/// Reads the long pose table back (<see cref="PoseCsvWriter"/>'s format, also what <c>mirrorsense pose</c> writes):
/// consecutive rows with one <c>time_s</c> make one <see cref="PoseFrame"/>, each participant's rows one person with
/// the 33 landmarks. Streams the file (a session's landmarks are never all in memory); frames without anyone had no
/// rows and do not come back. A malformed row stops the reading with its <c>file:line:column</c>.
/// </summary>
public static class PoseCsvReader
{
    private static readonly string[] Columns = PoseCsvWriter.Header.Split(',');
    private static readonly Dictionary<string, int> Landmarks = Skeleton.Names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    /// <exception cref="SeriesFormatException">The file is missing, is not a pose table, or has a malformed row.</exception>
    public static IEnumerable<PoseFrame> Read(string path) => Read(path, null);

    /// <summary>Only the first <paramref name="length"/> bytes: the whole rows of a recording a crash cut off mid-row.</summary>
    /// <exception cref="SeriesFormatException">The file is missing, is not a pose table, or has a malformed row.</exception>
    public static IEnumerable<PoseFrame> Read(string path, long? length)
    {
        if (!File.Exists(path))
            throw new SeriesFormatException(path, null, null, "expected a pose table but there is no such file");
        return ReadFrames(path, length);
    }

    private static IEnumerable<PoseFrame> ReadFrames(string path, long? length)
    {
        using var reader = TableText.Open(path, length);
        var header = reader.ReadLine();
        if (header is null || !header.Split(',').Select(c => c.Trim()).SequenceEqual(Columns))
            throw new SeriesFormatException(path, 1, null, $"expected the header '{PoseCsvWriter.Header}' but found '{header ?? "(empty file)"}'");

        var line = 1;
        double? time = null;
        var people = new SortedDictionary<Participant, PoseLandmark[]>();
        var lastTime = double.NegativeInfinity;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Length == 0)
                continue;
            var cells = text.Split(',');
            if (cells.Length != Columns.Length)
                throw new SeriesFormatException(path, line, Math.Min(cells.Length, Columns.Length) + 1, $"expected {Columns.Length} columns ({PoseCsvWriter.Header}) but found {cells.Length}");
            var t = Number(cells, 0, path, line);
            if (t != time)
            {
                if (time is { } done)
                    yield return Frame(done, people);
                if (t <= lastTime)
                    throw new SeriesFormatException(path, line, 1, $"expected times to increase but {t} follows {lastTime}");
                lastTime = t;
                time = t;
                people = [];
            }

            var participant = cells[1] switch
            {
                "A" => Participant.A,
                "B" => Participant.B,
                _ => throw new SeriesFormatException(path, line, 2, $"expected participant A or B but found '{cells[1]}'"),
            };
            var landmark = Landmarks.TryGetValue(cells[2], out var index)
                ? index
                : throw new SeriesFormatException(path, line, 3, $"expected a landmark of the 33-point pose schema (e.g. left_shoulder) but found '{cells[2]}'");
            if (!people.TryGetValue(participant, out var landmarks))
                people[participant] = landmarks = new PoseLandmark[Skeleton.LandmarkCount];
            // An empty z is a landmark without depth (2-D keypoints from OpenPose): NaN, not a depth of 0.
            var z = cells[5].Length == 0 ? float.NaN : (float)Number(cells, 5, path, line);
            landmarks[landmark] = new PoseLandmark((float)Number(cells, 3, path, line), (float)Number(cells, 4, path, line), z, (float)Number(cells, 6, path, line));
        }

        if (time is { } last)
            yield return Frame(last, people);
    }

    /// <summary>A person missing some landmark rows keeps them at zero visibility: present in the schema, never trusted.</summary>
    private static PoseFrame Frame(double seconds, SortedDictionary<Participant, PoseLandmark[]> people) =>
        new(MediaTime.FromSeconds(seconds), [.. people.Select(p => new PersonPose(p.Key, p.Value))]);

    private static double Number(string[] cells, int column, string path, int line) =>
        double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SeriesFormatException(path, line, column + 1, $"expected a number in column {Columns[column]} but found '{cells[column]}'");
}
