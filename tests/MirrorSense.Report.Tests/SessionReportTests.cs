using System.Net;
using System.Text.RegularExpressions;
using MirrorSense.Sessions.Readers;
using MirrorSense.Testing;

namespace MirrorSense.Report.Tests;

public sealed partial class SessionReportTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TempFolder _folder = new("mirrorsense-report-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_report_refers_to_nothing_outside_itself_and_every_image_is_an_embedded_png()
    {
        // Given a complete analysis folder
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When the report is written
        var html = File.ReadAllText(SessionReport.Write(folder));

        // Then no source or link leaves the file, and each image decodes as a PNG
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        var images = ImageSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, src =>
        {
            Assert.StartsWith("data:image/png;base64,", src);
            Assert.Equal(PngSignature, Convert.FromBase64String(src["data:image/png;base64,".Length..])[..8]);
        });
    }

    [Fact]
    public void The_summary_table_has_one_row_per_measure_with_the_numbers_of_summary_json_and_a_reading()
    {
        // Given a folder whose summary has posture mirroring (significant, A leads) and gesture synchrony (not significant)
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When rendered
        var rows = TableRows(SessionReport.Render(folder));

        // Then each measure has its row with value, p, Holm-adjusted p, significance after adjustment, lag, leader,
        // details and a plain reading
        var posture = rows.Single(r => r[0] == "posture_mirroring");
        Assert.Equal(["0.812", "0.005", "0.010", "yes", "0.90", "A"], posture[1..7]);
        Assert.Contains("mirrored similarity 0.812", posture[7]);
        Assert.Contains("anatomical similarity 0.301", posture[7]);
        Assert.StartsWith("B mirrors A's posture about 0.9 s later (p = 0.005, adjusted for the session's measures 0.01)", posture[8]);
        var gesture = rows.Single(r => r[0] == "gesture_synchrony");
        Assert.Equal(["0.247", "0.314", "0.314", "no", "-0.50", "B"], gesture[1..7]);
        Assert.StartsWith("Not beyond chance (p = 0.314", gesture[8]);
        Assert.DoesNotContain(rows, r => r[0] == "tone");
    }

    [Fact]
    public void Missing_measures_are_listed_with_their_reason_and_warnings_are_shown()
    {
        // Given a folder where tone is missing and the run warned
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then both are on the page, with the analysed span and the input
        Assert.Contains($"tone: {SyntheticAnalysisFolder.MissingReason}", html);
        Assert.Contains(SyntheticAnalysisFolder.Warning, html);
        Assert.Contains("Analysed: 0–20 s (20 s)", html);
        Assert.Contains("video: dyad.mp4", html);
    }

    [Fact]
    public void Every_plot_section_carries_its_embedded_figures()
    {
        // Given a folder with two matrices, two measures over time, body features, prosody and units
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When rendered
        var sections = Sections(SessionReport.Render(folder));

        // Then each section has as many images as it has plots
        Assert.Equal(2, sections["Window × lag correlation"]);
        Assert.Equal(2, sections["Coordination over time"]);
        Assert.Equal(5, sections["Posture and movement"]);
        Assert.Equal(3, sections["Voice"]);
    }

    [Fact]
    public void Each_heat_map_is_captioned_with_what_its_cells_hold_as_summary_json_says()
    {
        // Given a folder whose summary says posture's matrix holds r and gesture's holds |Fisher z|
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then each caption names its own cells, and no gesture caption calls |z| a correlation r
        Assert.Contains($"posture_mirroring: window × lag heat map of {SyntheticAnalysisFolder.PostureCells}.", html);
        Assert.Contains($"gesture_synchrony: window × lag heat map of {SyntheticAnalysisFolder.GestureCells}.", html);
        Assert.DoesNotContain("gesture_synchrony: correlation r", html);
    }

    [Fact]
    public void A_heat_map_without_a_single_value_is_replaced_by_a_note_and_the_rest_of_the_report_is_written()
    {
        // Given a folder whose gesture matrix is all missing (no window had both people)
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        var matrix = Path.Combine(folder, "gesture_synchrony.ccf.csv");
        var lines = File.ReadAllLines(matrix);
        File.WriteAllLines(matrix, [lines[0], .. lines.Skip(1).Select(line => string.Join(',', line.Split(',').Select((cell, i) => i == 0 ? cell : "")))]);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then posture's heat map is drawn and gesture's absence is explained
        Assert.Equal(1, Sections(SessionReport.Render(folder))["Window × lag correlation"]);
        Assert.Contains("gesture_synchrony: no window had both people long enough for a correlation", html);
    }

    [Fact]
    public void A_summary_that_does_not_say_what_a_matrix_holds_gets_a_neutral_label_instead_of_a_guess()
    {
        // Given a folder written before summary.json described its matrices
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        var summary = Path.Combine(folder, "summary.json");
        var text = File.ReadAllText(summary);
        var start = text.IndexOf("\"matrices\"", StringComparison.Ordinal);
        var end = text.IndexOf("\"missing\"", StringComparison.Ordinal);
        File.WriteAllText(summary, text[..start] + text[end..]);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then both heat maps are still drawn, and their captions say the values are not described
        Assert.Equal(2, Sections(SessionReport.Render(folder))["Window × lag correlation"]);
        Assert.Contains("gesture_synchrony: window × lag heat map of values summary.json does not describe", html);
    }

    [Fact]
    public void An_analysis_with_faces_gets_smile_and_looking_plots_with_mutual_gaze_shaded()
    {
        // Given a folder whose features.csv also has both people's smile and looking, both looking at each other for the first 10 s
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        var rows = Enumerable.Range(0, 600).SelectMany(i => new[] { "A", "B" }.SelectMany(who => new[]
        {
            FormattableString.Invariant($"{i / 30.0:0.000000},{who},smile,{(i % 90 < 30 ? 0.8 : 0.05)}"),
            FormattableString.Invariant($"{i / 30.0:0.000000},{who},looking_at_partner,{(i < 300 || who == "A" ? 1 : 0)}"),
        }));
        File.AppendAllLines(Path.Combine(folder, "features.csv"), rows);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then a Faces section carries both figures
        var faces = html[html.IndexOf("Faces</h2>", StringComparison.Ordinal)..];
        Assert.Contains("Smile (smile)</figcaption>", faces);
        Assert.Contains("Looking at the partner, both looking shaded</figcaption>", faces);
        Assert.Contains("face_events.csv is not in the folder", faces);
    }

    [Fact]
    public void Mutual_gaze_is_shaded_where_analyze_counted_it_in_face_events_csv()
    {
        // Given a folder with faces and two stretches of mutual gaze, 2.5 s in all, in face_events.csv
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        File.AppendAllLines(Path.Combine(folder, "features.csv"), Enumerable.Range(0, 300).SelectMany(i => new[] { "A", "B" }.Select(who =>
            FormattableString.Invariant($"{i / 30.0:0.000000},{who},looking_at_partner,1"))));
        File.WriteAllText(Path.Combine(folder, "face_events.csv"), "participant,kind,start_s,end_s\nA,looking_at_partner,0,10\nAB,mutual_gaze,1,2\nAB,mutual_gaze,4,5.5\n");

        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        Assert.Contains("mutual gaze as analyze counted it (face_events.csv), 2 stretches, 2.5 s in all.", html);
    }

    [Fact]
    public void Nods_are_ticks_on_a_timeline_of_who_speaks()
    {
        // Given a folder with both speakers' units and three nods, two of them A's, and a head shake of B's
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        File.WriteAllText(Path.Combine(folder, "head_movements.csv"),
            "participant,kind,start_s,end_s,cycles,amplitude_sw\nA,nod,1,1.6,2,0.05\nA,nod,4,4.4,1.5,0.04\nB,shake,5,6,2,0.1\nB,nod,7,7.5,2,0.06\n");

        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then the voice section has a speech-and-nods figure that counts the nods only
        var section = html[html.IndexOf("Speech and nods</h3>", StringComparison.Ordinal)..];
        Assert.Contains("2 nods by A, 1 by B.", section);
        Assert.Contains("Speech units and nods of A and B</figcaption>", section);
    }

    [Fact]
    public void Without_head_movements_there_is_no_speech_and_nods_figure()
    {
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        Assert.DoesNotContain("Speech and nods", html);
    }

    [Fact]
    public void Each_persons_lean_is_drawn_towards_the_partner_and_the_distance_on_its_own_plot()
    {
        // Given a folder where A leans 4° to the viewer's right and B 6° to the viewer's left (both towards the other),
        // 3 shoulder widths apart
        var folder = WithLeans(SyntheticAnalysisFolder.Write(_folder.Path), a: -4, b: 6);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then both lean towards the partner, and the distance has its own figure
        var section = html[html.IndexOf("Lean towards the partner and distance</h3>", StringComparison.Ordinal)..];
        Assert.Contains("Mean of the bins, towards the partner: A +4.0°, B +6.0°.", section);
        Assert.Contains("A sits on the viewer's left", section);
        Assert.Contains("Lean towards the partner of A and B</figcaption>", section);
        Assert.Contains("Distance between A and B</figcaption>", section);
    }

    [Fact]
    public void With_A_seated_on_the_right_the_leans_are_turned_towards_the_partner_the_other_way()
    {
        // Given a session analysed with --swap (summary.json: proximity a_sits_left false) where A leans 4° to the
        // viewer's left and B 6° to the viewer's right (both towards the other)
        var folder = WithLeans(SyntheticAnalysisFolder.Write(_folder.Path), a: 4, b: -6);
        var summaryPath = Path.Combine(folder, "summary.json");
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(summaryPath))!.AsObject();
        summary["settings"] = new System.Text.Json.Nodes.JsonObject { ["proximity"] = new System.Text.Json.Nodes.JsonObject { ["a_sits_left"] = false } };
        File.WriteAllText(summaryPath, summary.ToJsonString());

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then both still lean towards the partner, and the note says who sits where
        var section = html[html.IndexOf("Lean towards the partner and distance</h3>", StringComparison.Ordinal)..];
        Assert.Contains("Mean of the bins, towards the partner: A +4.0°, B +6.0°.", section);
        Assert.Contains("B sits on the viewer's left", section);
    }

    /// <summary>The folder's features with A's and B's lean_sideways constant (degrees) for 20 s, 3 shoulder widths apart.</summary>
    private static string WithLeans(string folder, double a, double b)
    {
        var path = Path.Combine(folder, "features.csv");
        var rows = File.ReadAllLines(path).Where(r => !r.Contains(",lean_sideways,", StringComparison.Ordinal)).ToList();
        rows.AddRange(Enumerable.Range(0, 600).SelectMany(i => new[] { ("A", a), ("B", b) }.SelectMany(p => new[]
        {
            FormattableString.Invariant($"{i / 30.0:0.000000},{p.Item1},lean_sideways,{p.Item2}"),
            FormattableString.Invariant($"{i / 30.0:0.000000},{p.Item1},partner_distance,3"),
        })));
        File.WriteAllLines(path, rows);
        return folder;
    }

    [Fact]
    public void Without_partner_distance_the_report_says_why_instead_of_drawing_it()
    {
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        Assert.Contains("Distance between A and B: no values in features.csv (partner_distance)", html);
        Assert.DoesNotContain("Distance between A and B</figcaption>", html);
    }

    [Fact]
    public void A_body_only_analysis_has_no_faces_section()
    {
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        Assert.DoesNotContain("Faces</h2>", html);
    }

    [Fact]
    public void Speech_rate_per_unit_is_drawn_when_units_csv_is_present()
    {
        // Given a folder with units of both speakers
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then the voice section has a speech-rate figure after the pitch and intensity contours, and names no speaker as absent
        Assert.Contains("Figure", html[html.IndexOf("Speech rate per unit</h3>", StringComparison.Ordinal)..]);
        Assert.Contains("Speech rate per unit</figcaption>", html);
        Assert.DoesNotContain("no units for", html);
    }

    [Fact]
    public void A_speaker_without_units_is_named_and_the_other_still_drawn()
    {
        // Given a units.csv with A's units only
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        var units = Path.Combine(folder, "units.csv");
        File.WriteAllLines(units, File.ReadAllLines(units).Where(line => !line.StartsWith("B,", StringComparison.Ordinal)));

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then the report says B has none, and the figure is there for A
        Assert.Contains("Speech rate per unit: no units for B in units.csv.", html);
        Assert.Contains("Speech rate per unit</figcaption>", html);
    }

    [Fact]
    public void A_participant_never_measured_is_said_so_instead_of_drawn_as_zero()
    {
        // Given a folder where B's pixel motion is empty throughout
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);

        // When rendered
        var html = WebUtility.HtmlDecode(SessionReport.Render(folder));

        // Then the report says B has no values there
        Assert.Contains("no values for B in features.csv (pixel_motion)", html);
        Assert.DoesNotContain("no values for A in features.csv (pixel_motion)", html);
    }

    [Fact]
    public void Folders_without_voices_or_body_features_say_what_is_absent()
    {
        // Given a body-less, voice-less folder (only the summary and tables of measures)
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        File.Delete(Path.Combine(folder, "features.csv"));
        File.Delete(Path.Combine(folder, "prosody.csv"));
        File.Delete(Path.Combine(folder, "units.csv"));

        // When rendered
        var html = SessionReport.Render(folder);

        // Then the sections name the missing files and draw nothing there
        Assert.Contains("features.csv is not in the folder", html);
        Assert.Contains("prosody.csv is not in the folder", html);
        Assert.Contains("units.csv is not in the folder", html);
        Assert.Equal(0, Sections(html)["Voice"]);
    }

    [Theory]
    [InlineData("synchrony.csv", "measure,window_start_s,window_end_s,value,best_lag_s,leader,p_value\nposture_mirroring,0,10,high,0.9,A,0.01\n", "synchrony.csv:2:4")]
    [InlineData("features.csv", "time_s,participant,feature,value\n0,A,lean_sideways,1\n0,C,lean_sideways,1\n", "features.csv:3:2")]
    [InlineData("posture_mirroring.ccf.csv", "window_start_s,-1,0,1\n0,0.1,0.2\n", "posture_mirroring.ccf.csv:2")]
    [InlineData("prosody.csv", "time,who,f0\n", "prosody.csv:1")]
    [InlineData("units.csv", "participant,start_s,end_s,duration_s,mean_pitch_st,mean_intensity_db,syllables,syllable_rate_per_s\nA,2,1,-1,,60,3,\n", "units.csv:2:3")]
    [InlineData("summary.json", "{ \"measures\": { ", "summary.json")]
    [InlineData("head_movements.csv", "participant,kind,start_s,end_s,cycles,amplitude_sw\nA,nudge,1,2,1,0.1\n", "head_movements.csv:2:2")]
    public void A_malformed_file_is_named_with_its_line_in_the_error(string file, string text, string location)
    {
        // Given an otherwise good folder with one broken file
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        File.WriteAllText(Path.Combine(folder, file), text);

        // When rendered
        var error = Assert.Throws<SeriesFormatException>(() => SessionReport.Render(folder));

        // Then the message points at the file (and line and column where there is one)
        Assert.Contains(Path.Combine(folder, location), error.Message);
    }

    [Fact]
    public void A_folder_without_summary_json_is_refused_naming_the_file()
    {
        // Given a folder with tables but no summary
        var folder = SyntheticAnalysisFolder.Write(_folder.Path);
        File.Delete(Path.Combine(folder, "summary.json"));

        // When rendered, then the error names summary.json
        var error = Assert.Throws<SeriesFormatException>(() => SessionReport.Write(folder));
        Assert.Contains(Path.Combine(folder, "summary.json"), error.Message);
        Assert.False(File.Exists(Path.Combine(folder, SessionReport.FileName)));
    }

    private static List<string[]> TableRows(string html) =>
    [
        .. TableRow().Matches(html).Select(row => Cell().Matches(row.Value).Select(c => WebUtility.HtmlDecode(c.Groups["text"].Value)).ToArray()).Where(cells => cells.Length > 0),
    ];

    /// <summary>The number of images under each &lt;h2&gt; heading.</summary>
    private static Dictionary<string, int> Sections(string html) =>
        html.Split("<h2>")[1..].ToDictionary(
            s => WebUtility.HtmlDecode(s[..s.IndexOf("</h2>", StringComparison.Ordinal)]),
            s => ImageSource().Count(s));

    [GeneratedRegex("""(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<img[^>]*\\ssrc=\"(?<src>[^\"]*)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<td[^>]*>(?<text>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
