using System.Globalization;
using MirrorSense.Sessions.Analysis;

namespace MirrorSense.Report;

/// <summary>
/// One plain-language sentence per measure, e.g. "B mirrors A's posture about 0.9 s later (p = 0.005, adjusted for the
/// session's measures 0.02)." Whether a measure reads as beyond chance follows its Holm-adjusted p, because a reader
/// takes in all the session's sentences at once.
/// </summary>
public static class MeasureReading
{
    /// <summary>Below this lag (s) neither person is said to lead.</summary>
    private const double Simultaneous = 0.05;

    public static string Of(MeasureSummary measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Value is null)
            return $"{Subject(measure.Name)} could not be computed.";
        var p = measure.PValue is { } pv ? $"p = {Number(pv, "0.###")}" : "p not available";
        if (measure.PAdjusted is { } adjusted)
            p += $", adjusted for the session's measures {Number(adjusted, "0.###")}";
        var (leader, follower) = measure.Leader switch
        {
            "A" => ("A", "B"),
            "B" => ("B", "A"),
            _ => ((string?)null, (string?)null),
        };
        var lag = measure.BestLagSeconds is { } l ? Math.Abs(l) : double.NaN;
        string timing = measure.LagAtEdge == true
            ? $"{Together(measure.Name)} (the best lag lies at the edge of the lags searched: a slow trend, not an alignment)"
            : leader is null || follower is null || double.IsNaN(lag)
            ? Together(measure.Name)
            : lag < Simultaneous
                ? Together(measure.Name)
                : $"{Follows(measure.Name, leader, follower)} about {Number(lag, "0.#")} s later";
        var extra = measure.Name == "posture_mirroring" && measure.Detail("mirrored_similarity") is { } mirrored && measure.Detail("anatomical_similarity") is { } anatomical
            ? mirrored >= anatomical
                ? $"; as a mirror image ({Number(mirrored, "0.00")}) more than same-side ({Number(anatomical, "0.00")})"
                : $"; same-side ({Number(anatomical, "0.00")}) more than as a mirror image ({Number(mirrored, "0.00")})"
            : measure.Name == "proximity" && measure.Detail("distance_change_per_minute") is { } change
            ? $"; their distance changed by {Number(change, "+0.00;-0.00;0.00")} shoulder widths per minute (descriptive, not tested)"
            : measure.Name == "mutual_gaze" && measure.Detail("chance_share") is { } chance
            ? $"; {Number(100 * measure.Value!.Value, "0")} % of the time, chance {Number(100 * chance, "0")} %"
            : "";
        return measure.SignificantAfterAdjustment == true
            ? $"{Capital(timing)} ({p}){extra}."
            : $"Not beyond chance ({p}); at best, {timing}{extra}.";
    }

    private static string Follows(string measure, string leader, string follower) => measure switch
    {
        "posture_mirroring" => $"{follower} mirrors {leader}'s posture",
        "gesture_synchrony" => $"{follower}'s movement follows {leader}'s",
        "tone" => $"{follower}'s pitch follows {leader}'s",
        "tempo" => $"{follower}'s speech rate follows {leader}'s",
        "volume" => $"{follower}'s loudness follows {leader}'s",
        "inflection" => $"{follower}'s pitch liveliness follows {leader}'s",
        "smile_mimicry" => $"{follower}'s smiles answer {leader}'s",
        "proximity" => $"{follower} leans towards and away from {leader} as {leader} does",
        _ => $"{follower} follows {leader} ({measure})",
    };

    private static string Together(string measure) => measure switch
    {
        "posture_mirroring" => "A and B mirror each other's posture with no clear lead",
        "gesture_synchrony" => "A and B move together with no clear lead",
        "tone" => "A's and B's pitch move together with no clear lead",
        "tempo" => "A's and B's speech rates move together with no clear lead",
        "volume" => "A's and B's loudness move together with no clear lead",
        "inflection" => "A's and B's pitch liveliness move together with no clear lead",
        "smile_mimicry" => "A and B smile together with no clear lead",
        "mutual_gaze" => "A and B meet each other's eyes more than their looking alone gives",
        "nod_reciprocity" => "A and B nod back to each other's nods",
        "proximity" => "A and B lean towards and away from each other together with no clear lead",
        _ => $"A and B go together ({measure}) with no clear lead",
    };

    private static string Subject(string measure) => Capital(measure.Replace('_', ' '));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    internal static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
