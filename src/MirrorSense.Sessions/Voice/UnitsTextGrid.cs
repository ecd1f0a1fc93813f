using System.Globalization;
using MirrorSense.Core;

namespace MirrorSense.Sessions.Voice;

/// <summary>One speaker's inter-pausal units, in time order, as a tier of <see cref="UnitsTextGrid"/>.</summary>
/// <param name="Name">The tier's name: the participant (A or B).</param>
public sealed record UnitTier(string Name, IReadOnlyList<SpeechUnit> Units);

/// <summary>
/// The inter-pausal units as a Praat TextGrid (<c>units.TextGrid</c>, Praat's long text format): one interval tier per
/// speaker, each covering the whole session without gaps; every unit is one interval labelled with its syllable count,
/// and the pauses between are empty intervals. A unit whose syllables were not counted is labelled
/// <c>--undefined--</c>, Praat's own spelling of an undefined number (its <c>number()</c> reads it back as one), since an
/// empty label would make it a pause. Times are seconds of media time at round-trip precision.
/// </summary>
public static class UnitsTextGrid
{
    public const string FileName = "units.TextGrid";

    public const string Uncounted = "--undefined--";

    /// <summary>Writes the grid over [<paramref name="start"/>, <paramref name="end"/>], widened to any unit outside it so that no unit is cut.</summary>
    /// <exception cref="ArgumentException">There is no tier; a tier's units are not in time order, overlap or last no time; or the span is empty.</exception>
    public static void Write(TextWriter writer, MediaTime start, MediaTime end, IReadOnlyList<UnitTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0)
            throw new ArgumentException("A units TextGrid needs at least one speaker's tier.", nameof(tiers));
        foreach (var unit in tiers.SelectMany(t => t.Units))
        {
            start = unit.Start < start ? unit.Start : start;
            end = unit.End > end ? unit.End : end;
        }

        // Praat refuses a grid (and an interval) that lasts no time.
        if (end <= start)
            throw new ArgumentException($"A TextGrid must last some time, but it would span {start} to {end}.", nameof(end));
        var intervals = tiers.Select(tier => Intervals(tier, start, end)).ToList();

        writer.NewLine = "\n";
        writer.WriteLine("File type = \"ooTextFile\"");
        writer.WriteLine("Object class = \"TextGrid\"");
        writer.WriteLine();
        writer.WriteLine($"xmin = {Seconds(start)}");
        writer.WriteLine($"xmax = {Seconds(end)}");
        writer.WriteLine("tiers? <exists>");
        writer.WriteLine($"size = {tiers.Count}");
        writer.WriteLine("item []:");
        for (var t = 0; t < tiers.Count; t++)
        {
            writer.WriteLine($"    item [{t + 1}]:");
            writer.WriteLine("        class = \"IntervalTier\"");
            writer.WriteLine($"        name = {Text(tiers[t].Name)}");
            writer.WriteLine($"        xmin = {Seconds(start)}");
            writer.WriteLine($"        xmax = {Seconds(end)}");
            writer.WriteLine($"        intervals: size = {intervals[t].Count}");
            for (var i = 0; i < intervals[t].Count; i++)
            {
                var (from, to, label) = intervals[t][i];
                writer.WriteLine($"        intervals [{i + 1}]:");
                writer.WriteLine($"            xmin = {Seconds(from)}");
                writer.WriteLine($"            xmax = {Seconds(to)}");
                writer.WriteLine($"            text = {Text(label)}");
            }
        }
    }

    /// <summary>The tier's units with an empty interval filling every pause, from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private static List<(MediaTime From, MediaTime To, string Label)> Intervals(UnitTier tier, MediaTime start, MediaTime end)
    {
        var intervals = new List<(MediaTime, MediaTime, string)>();
        var reached = start;
        foreach (var unit in tier.Units)
        {
            if (unit.End <= unit.Start)
                throw new ArgumentException($"Tier {tier.Name}: the unit from {unit.Start} to {unit.End} lasts no time; a TextGrid interval must.", nameof(tier));
            if (unit.Start < reached)
                throw new ArgumentException($"Tier {tier.Name}: the unit from {unit.Start} starts before the one before it ends ({reached}); units must be in time order without overlap.", nameof(tier));
            if (unit.Start > reached)
                intervals.Add((reached, unit.Start, ""));
            intervals.Add((unit.Start, unit.End, unit.Syllables?.ToString(CultureInfo.InvariantCulture) ?? Uncounted));
            reached = unit.End;
        }

        if (reached < end)
            intervals.Add((reached, end, ""));
        return intervals;
    }

    private static string Seconds(MediaTime time) => time.Seconds.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A Praat string: in double quotes, with any double quote inside doubled.</summary>
    private static string Text(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
