using MirrorSense.Core;
using MirrorSense.Sessions.Voice;
using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests.Voice;

/// <summary>units.TextGrid as Praat itself reads it (Debian's <c>praat --run</c>).</summary>
public sealed class UnitsTextGridTests : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-textgrid-");

    public void Dispose() => _folder.Dispose();

    private static SpeechUnit Unit(Participant speaker, double start, double end, int? syllables) =>
        new(speaker, MediaTime.FromSeconds(start), MediaTime.FromSeconds(end), 1.5, 60, syllables);

    private string Written(double start, double end, params UnitTier[] tiers)
    {
        var path = _folder.Combine(UnitsTextGrid.FileName);
        AtomicFile.Write(path, writer => UnitsTextGrid.Write(writer, MediaTime.FromSeconds(start), MediaTime.FromSeconds(end), tiers));
        return path;
    }

    private static PraatInterval Interval(string tier, decimal start, decimal end, string label) => new(tier, start, end, label);

    [SkippableFact]
    public void Each_unit_is_an_interval_labelled_with_its_syllables_and_the_pauses_between_are_empty_over_the_whole_span()
    {
        // Given A's two units and B's one inside a 5 s session
        var path = Written(0, 5,
            new UnitTier("A", [Unit(Participant.A, 0.5, 1.2, 3), Unit(Participant.A, 2, 3.250001, 5)]),
            new UnitTier("B", [Unit(Participant.B, 1.3, 1.9, 2)]));

        // When Praat opens it
        var intervals = PraatTextGrid.Intervals(path);

        // Then each speaker's tier runs from 0 to 5 s without gaps: units labelled with their counts, pauses empty
        Assert.Equal(
        [
            Interval("A", 0, 0.5m, ""), Interval("A", 0.5m, 1.2m, "3"), Interval("A", 1.2m, 2, ""), Interval("A", 2, 3.250001m, "5"), Interval("A", 3.250001m, 5, ""),
            Interval("B", 0, 1.3m, ""), Interval("B", 1.3m, 1.9m, "2"), Interval("B", 1.9m, 5, ""),
        ], intervals);
    }

    [SkippableFact]
    public void Units_at_the_very_start_and_end_and_units_that_touch_leave_no_empty_interval_between()
    {
        // Given units from the first to the last microsecond of the session, two of them touching
        var path = Written(10, 12, new UnitTier("A", [Unit(Participant.A, 10, 10.5, 1), Unit(Participant.A, 10.5, 11, 2), Unit(Participant.A, 11.25, 12, 0)]));

        // When Praat opens it
        var intervals = PraatTextGrid.Intervals(path);

        // Then the tier starts and ends with a unit, and only the real pause is empty
        Assert.Equal(
            [Interval("A", 10, 10.5m, "1"), Interval("A", 10.5m, 11, "2"), Interval("A", 11, 11.25m, ""), Interval("A", 11.25m, 12, "0")],
            intervals);
    }

    [SkippableFact]
    public void A_speaker_without_units_has_one_empty_interval_over_the_span()
    {
        var path = Written(0, 3.5, new UnitTier("A", [Unit(Participant.A, 1, 2, 4)]), new UnitTier("B", []));

        var intervals = PraatTextGrid.Intervals(path);

        Assert.Equal(Interval("B", 0, 3.5m, ""), Assert.Single(intervals, i => i.Tier == "B"));
    }

    [SkippableFact]
    public void A_unit_beyond_the_span_widens_the_grid_to_it_rather_than_being_cut()
    {
        // Given a session span that ends before B's last unit (a voice recorded longer than the video)
        var path = Written(0, 4, new UnitTier("A", []), new UnitTier("B", [Unit(Participant.B, 3.5, 4.75, 6)]));

        var intervals = PraatTextGrid.Intervals(path);

        // Then every tier reaches the unit's end
        Assert.Equal([Interval("A", 0, 4.75m, ""), Interval("B", 0, 3.5m, ""), Interval("B", 3.5m, 4.75m, "6")], intervals);
    }

    [SkippableFact]
    public void A_unit_whose_syllables_were_not_counted_is_labelled_undefined_not_empty_like_a_pause()
    {
        var path = Written(0, 2, new UnitTier("A", [Unit(Participant.A, 0.5, 1, null)]));

        var intervals = PraatTextGrid.Intervals(path);

        Assert.Equal("--undefined--", intervals[1].Label);
    }

    [Fact]
    public void The_file_is_in_Praats_long_text_format()
    {
        var path = Written(0, 2, new UnitTier("A", [Unit(Participant.A, 0.5, 1, 3)]));

        Assert.Equal(
            ["File type = \"ooTextFile\"", "Object class = \"TextGrid\"", "", "xmin = 0", "xmax = 2", "tiers? <exists>", "size = 1", "item []:", "    item [1]:",
             "        class = \"IntervalTier\"", "        name = \"A\"", "        xmin = 0", "        xmax = 2", "        intervals: size = 3",
             "        intervals [1]:", "            xmin = 0", "            xmax = 0.5", "            text = \"\""],
            File.ReadLines(path).Take(18));
    }

    [Fact]
    public void Overlapping_units_units_that_last_no_time_and_a_grid_without_tiers_are_refused()
    {
        var overlapping = new UnitTier("A", [Unit(Participant.A, 1, 2, 3), Unit(Participant.A, 1.5, 2.5, 3)]);
        var instant = new UnitTier("A", [Unit(Participant.A, 1, 1, 0)]);

        Assert.Contains("overlap", Assert.Throws<ArgumentException>(() => UnitsTextGrid.Write(new StringWriter(), MediaTime.Zero, MediaTime.FromSeconds(3), [overlapping])).Message);
        Assert.Contains("lasts no time", Assert.Throws<ArgumentException>(() => UnitsTextGrid.Write(new StringWriter(), MediaTime.Zero, MediaTime.FromSeconds(3), [instant])).Message);
        Assert.Throws<ArgumentException>(() => UnitsTextGrid.Write(new StringWriter(), MediaTime.Zero, MediaTime.FromSeconds(3), []));
        Assert.Throws<ArgumentException>(() => UnitsTextGrid.Write(new StringWriter(), MediaTime.Zero, MediaTime.Zero, [new UnitTier("A", [])]));
    }
}
