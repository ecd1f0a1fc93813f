using MirrorSense.Core;
using MirrorSense.Sessions.Readers;

namespace MirrorSense.Sessions.Prosody;

/// <summary>Pitch and intensity contours of both speakers, reduced for plotting.</summary>
/// <param name="PitchHz">F0 by participant ("A"/"B"); only voiced frames count, so unvoiced stretches are gaps.</param>
/// <param name="IntensityDb">Intensity by participant; an empty cell is a gap.</param>
public sealed record ProsodyContours(IReadOnlyDictionary<string, BinnedSeries> PitchHz, IReadOnlyDictionary<string, BinnedSeries> IntensityDb);

/// <summary>Reads analyze's <c>prosody.csv</c> (<c>time_s,participant,f0_hz,intensity_db,voiced</c>) as it streams by.</summary>
public static class ProsodyCsvReader
{
    public const string Header = ProsodyCsvWriter.DyadFrameHeader;

    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static ProsodyContours ReadBinned(string path, double originSeconds, double binSeconds)
    {
        var pitch = new Dictionary<string, BinnedSeries>();
        var intensity = new Dictionary<string, BinnedSeries>();
        foreach (var row in CsvTable.Read(path, Header))
        {
            if (row.IsHeader)
                continue;
            var who = row.Participant(1, allowEmpty: false)!;
            var time = row.Required(0);
            var voiced = Voiced(row);
            Series(pitch, who, originSeconds, binSeconds).Add(time, voiced ? row.Number(2) : double.NaN);
            Series(intensity, who, originSeconds, binSeconds).Add(time, row.Number(3));
        }

        return new ProsodyContours(pitch, intensity);
    }

    /// <summary>
    /// One speaker's frames, in time order (a recording interleaves both speakers' rows as their voices delivered them).
    /// </summary>
    /// <param name="length">Read only this many bytes (the whole rows of a recording a crash cut off); null: all.</param>
    /// <exception cref="Readers.SeriesFormatException">The file is missing or has a malformed row (named by file:line:column).</exception>
    public static IReadOnlyList<ProsodyFrame> ReadFrames(string path, Participant speaker, long? length = null)
    {
        var who = speaker.ToString();
        var frames = new List<ProsodyFrame>();
        foreach (var row in CsvTable.Read(path, Header, length: length))
        {
            if (row.IsHeader || row.Participant(1, allowEmpty: false) != who)
                continue;
            var voiced = Voiced(row);
            frames.Add(new ProsodyFrame(MediaTime.FromSeconds(row.Required(0)), voiced ? row.Required(2) : double.NaN, row.Number(3)));
        }

        // Stable: frames of one speaker arrive in order, so sorting only matters for hand-edited tables.
        return [.. frames.OrderBy(f => f.Time)];
    }

    private static bool Voiced(CsvRow row) => row.Cells[4] switch
    {
        "1" or "true" => true,
        "0" or "false" or "" => false,
        var other => throw row.Problem(4, $"expected 0 or 1 in column voiced but found '{other}'"),
    };

    private static BinnedSeries Series(Dictionary<string, BinnedSeries> series, string who, double origin, double bin)
    {
        if (!series.TryGetValue(who, out var binned))
            series[who] = binned = new BinnedSeries(origin, bin);
        return binned;
    }
}
