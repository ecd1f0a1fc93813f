using System.Text;
using MirrorSense.Core;
using MirrorSense.Sessions;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Prosody;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Voice;
using MirrorSense.Synchrony;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Report;

/// <summary>
/// <c>report.html</c>: one self-contained page (styles inline, plots as embedded PNG) built only from an
/// analysis output folder, so it can be regenerated at any time. <c>summary.json</c> must be there; the other
/// tables are drawn when present and named as absent when not. A malformed file stops the report with a
/// <see cref="SeriesFormatException"/> naming it.
/// </summary>
public static class SessionReport
{
    public const string FileName = "report.html";
    public const string SummaryFile = "summary.json";

    /// <summary>Pose traces drawn for A and B, with their units.</summary>
    private static readonly (string Feature, string Title, string Unit)[] PoseTraces =
    [
        ("lean_sideways", "Sideways lean", "angle (°, + = towards viewer's left)"),
        ("head_roll", "Head roll (tilt)", "angle (°, + = towards viewer's left)"),
    ];

    /// <summary>Motion energy drawn for A and B, with their units.</summary>
    private static readonly (string Feature, string Title, string Unit)[] MotionTraces =
    [
        ("pixel_motion", "Motion energy: changed pixels in each person's region", "changed pixels per frame"),
        ("motion_body", "Motion energy: landmark movement of the whole body", "shoulder widths per second"),
    ];

    /// <summary>For folders whose summary.json predates <c>matrices</c>: the report says it does not know rather than guess from the measure's name.</summary>
    private static readonly LagMatrixCells UnstatedCells =
        new("cell value", "values summary.json does not describe (written before analyze recorded what its matrices hold)", double.NaN, double.NaN);

    /// <summary>Renders the report of <paramref name="folder"/> and writes it there as <see cref="FileName"/> (through a temporary file).</summary>
    /// <returns>The report's path.</returns>
    /// <exception cref="SeriesFormatException">summary.json is missing, or a file of the folder is malformed (named in the message).</exception>
    public static string Write(string folder)
    {
        var html = Render(folder);
        var path = Path.Combine(folder, FileName);
        AtomicFile.Write(path, writer => writer.Write(html));
        return path;
    }

    /// <summary>The report's HTML.</summary>
    /// <exception cref="SeriesFormatException">summary.json is missing, or a file of the folder is malformed (named in the message).</exception>
    public static string Render(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            throw new SeriesFormatException(folder, null, null, "no such folder (expected the output folder of mirrorsense analyze)");
        var summary = SummaryJsonReader.Read(Path.Combine(folder, SummaryFile));
        var name = summary.Inputs.Count > 0 ? Path.GetFileName(summary.Inputs[0].Value) : Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
        var page = new ReportPage($"MirrorSense report: {name}");
        Title(page, folder, summary);
        Summary(page, summary);
        Heatmaps(page, folder, summary);
        OverTime(page, folder, summary);
        Body(page, folder, summary);
        Faces(page, folder, summary);
        Voice(page, folder, summary);
        return page.ToHtml();
    }

    private static void Title(ReportPage page, string folder, SummaryDocument summary)
    {
        page.Heading(1, "MirrorSense session report");
        var end = summary.StartSeconds + summary.AnalysedSeconds;
        page.Paragraph($"Analysed: {Seconds(summary.StartSeconds)}–{Seconds(end)} s ({Seconds(summary.AnalysedSeconds)} s)"
            + (summary.Complete ? "." : ". The run did not complete: the results cover what was processed."));
        page.List("Inputs", summary.Inputs.Count == 0 ? ["(none recorded)"] : [.. summary.Inputs.Select(i => $"{i.Key}: {i.Value}")]);
        page.Paragraph($"Output folder: {Path.GetFullPath(folder)}");
        page.Note("How to read: A is drawn in blue, B in orange, in every plot. A lag is positive when B follows A "
            + "(B does it later) and negative when A follows B. Gaps in lines are stretches where nothing could be measured "
            + "(nobody visible, unvoiced speech): missing values are never drawn as zero.");
    }

    private static void Summary(ReportPage page, SummaryDocument summary)
    {
        page.Heading(2, "Summary");
        page.Table(
            ["measure", "value", "p", "p adjusted (Holm)", "significant after adjustment", "best lag (s)", "leader", "details", "reading"],
            [.. summary.Measures.Select(m => (IReadOnlyList<string>)
            [
                m.Name, Number(m.Value, "0.000"), Number(m.PValue, "0.000"), Number(m.PAdjusted, "0.000"),
                m.SignificantAfterAdjustment is { } s ? (s ? "yes" : "no") : "–",
                Number(m.BestLagSeconds, "0.00") + (m.LagAtEdge == true ? " (edge of the search)" : ""), m.Leader ?? "none", Details(m), MeasureReading.Of(m),
            ])]);
        if (summary.Missing.Count > 0)
        {
            page.Heading(2, "Missing measures");
            page.List(null, [.. summary.Missing.Select(m => $"{m.Key}: {m.Value}")]);
        }

        if (summary.Warnings.Count > 0)
        {
            page.Heading(2, "Warnings");
            page.List(null, summary.Warnings);
        }
    }

    private static void Heatmaps(ReportPage page, string folder, SummaryDocument summary)
    {
        // Only the matrices of this analysis' measures: an output folder may also hold other runs' files (e.g. sync's).
        var files = summary.Measures
            .Select(m => (Measure: m.Name, Path: Path.Combine(folder, CoordinationCsv.MatrixFileName(m.Name))))
            .Where(f => File.Exists(f.Path))
            .OrderBy(f => Order(summary, f.Measure))
            .ThenBy(f => f.Measure, StringComparer.Ordinal)
            .ToList();
        page.Heading(2, "Window × lag correlation");
        page.Note("Each row is one analysis window, each column one lag: the colour says how closely A and B move together at that lag, "
            + "on the scale named by the colour bar (signed scales: red together, blue opposite; |Fisher z|: the redder the stronger, "
            + "either way; grey: missing). The dashed line is lag 0; a ridge right of it means B follows A.");
        if (files.Count == 0)
            page.Note("No window × lag matrices (*.ccf.csv) are in the folder.");
        foreach (var (measure, path) in files)
        {
            var cells = summary.Matrices.GetValueOrDefault(measure) ?? UnstatedCells;
            var matrix = CoordinationCsvReader.ReadMatrix(path);
            // A colour scale needs at least one value: e.g. one camera ended before any window had both people.
            if (!matrix.Values.Cast<double>().Any(double.IsFinite))
            {
                page.Note($"{measure}: no window had both people long enough for a correlation, so there is no heat map.");
                continue;
            }

            page.Figure(ReportPlots.Heatmap($"{measure}: {cells.Name} by window and lag", matrix, cells), $"{measure}: window × lag heat map of {cells.Description}.");
        }
    }

    private static void OverTime(ReportPage page, string folder, SummaryDocument summary)
    {
        page.Heading(2, "Coordination over time");
        var path = Path.Combine(folder, "synchrony.csv");
        if (!File.Exists(path))
        {
            page.Note("synchrony.csv is not in the folder.");
            return;
        }

        var windows = CoordinationCsvReader.ReadWindows(path);
        var episodesPath = Path.Combine(folder, "episodes.csv");
        var episodes = File.Exists(episodesPath) ? CoordinationCsvReader.ReadEpisodes(episodesPath) : [];
        page.Note("One point per analysis window (at its centre); shaded: detected episodes. "
            + (File.Exists(episodesPath) ? "" : "episodes.csv is not in the folder, so no episodes are shaded."));
        foreach (var measure in windows.GroupBy(w => w.Measure))
        {
            var rows = measure.OrderBy(w => w.StartSeconds).ToList();
            var spans = episodes.Where(e => e.Measure == measure.Key)
                .Select(e => new PlotSpan(e.StartSeconds, e.EndSeconds, "episode"))
                .ToList();
            var line = new PlotLine(measure.Key, [.. rows.Select(w => (w.StartSeconds + w.EndSeconds) / 2)], [.. rows.Select(w => w.Value)], "#333333");
            // Correlations on their whole scale, so a flat stretch looks flat and measures compare at a glance.
            (double, double)? limits = measure.Key is "posture_mirroring" or "gesture_synchrony" or "tone" or "volume" or "smile_mimicry" or "proximity" ? (-1, 1)
                : measure.Key is "mutual_gaze" ? (0, 1)
                : null;
            page.Figure(ReportPlots.Lines($"{Label(measure.Key)} over time", ValueAxis(measure.Key), [line], Span(summary), spans, limits), $"{measure.Key} over time");
        }
    }

    private static void Body(ReportPage page, string folder, SummaryDocument summary)
    {
        page.Heading(2, "Posture and movement");
        var path = Path.Combine(folder, "features.csv");
        if (!File.Exists(path))
        {
            page.Note("features.csv is not in the folder (no body analysis): no pose traces or motion energy.");
            return;
        }

        var traces = PoseTraces.Concat(MotionTraces).ToList();
        var bin = Math.Max(0.1, summary.AnalysedSeconds / 1500);
        var series = FeatureCsvReader.ReadBinned(path, [.. traces.Select(t => t.Feature), BodyFeatures.PartnerDistance], summary.StartSeconds, bin);
        page.Note($"Means over {Seconds(bin)} s bins of the 30 Hz feature grid.");
        foreach (var (feature, title, unit) in traces)
            Participants(page, series.Where(s => s.Key.Feature == feature).ToDictionary(s => s.Key.Participant, s => s.Value), $"{title} ({feature})", unit, Span(summary), "features.csv", feature);
        LeanAndDistance(page, series, summary);
    }

    /// <summary>
    /// What the proximity measure correlates, each person's sideways lean turned towards the partner, and the distance
    /// between the two, which it only describes.
    /// </summary>
    private static void LeanAndDistance(ReportPage page, IReadOnlyDictionary<(string Feature, string Participant), BinnedSeries> series, SummaryDocument summary)
    {
        page.Heading(3, "Lean towards the partner and distance");
        var (left, right) = summary.ASitsLeft ? ("A", "B") : ("B", "A");
        page.Note("Each person's sideways lean (lean_sideways) turned towards the partner: + = leaning towards the other, − = away. "
            + $"{left} sits on the viewer's left, so {left}'s lean_sideways (+ = towards the viewer's left) is drawn with its sign flipped, {right}'s as it is.");
        var lines = new List<PlotLine>();
        foreach (var who in new[] { Participant.A, Participant.B })
        {
            if (series.TryGetValue((PostureDescriptor.LeanSideways, who.ToString()), out var lean) && lean.HasValues)
                lines.Add(new PlotLine(who.ToString(), lean.Times(), [.. lean.Means().Select(m => Proximity.TowardsPartner(who, m, summary.ASitsLeft))], ReportPlots.ColorOf(who.ToString())));
            else
                page.Note($"Lean towards the partner: no values for {who} in features.csv (lean_sideways).");
        }

        if (lines.Count > 0)
        {
            page.Note("Mean of the bins, towards the partner: "
                + string.Join(", ", lines.Select(l => $"{l.Label} {MeasureReading.Number(Statistics.MeanOfPresent(l.Values), "+0.0;-0.0;0.0")}°")) + ".");
            page.Figure(ReportPlots.Lines("Lean towards the partner", "angle (°, + = towards the partner)", lines, Span(summary)), "Lean towards the partner of A and B");
        }

        // The distance is one value for the pair, written alike for A and B.
        if (series.TryGetValue((BodyFeatures.PartnerDistance, "A"), out var distance) && distance.HasValues)
        {
            page.Figure(ReportPlots.Lines("Distance between A and B (partner_distance)", "distance (shoulder widths)",
                [new PlotLine("A–B", distance.Times(), distance.Means(), "#333333")], Span(summary)), "Distance between A and B");
        }
        else
        {
            page.Note("Distance between A and B: no values in features.csv (partner_distance): it needs both people in one picture, "
                + "so it is missing with one camera per person and in folders analysed before it was measured.");
        }
    }

    /// <summary>
    /// Smiles and looking of A and B over time, with the stretches where both look at each other shaded; drawn only for
    /// an analysis with faces (<c>--face</c>), so a body-only report gains no empty section.
    /// </summary>
    private static void Faces(ReportPage page, string folder, SummaryDocument summary)
    {
        var path = Path.Combine(folder, "features.csv");
        if (!File.Exists(path))
            return;
        var bin = Math.Max(0.1, summary.AnalysedSeconds / 1500);
        var series = FeatureCsvReader.ReadBinned(path, ["smile", "looking_at_partner"], summary.StartSeconds, bin);
        if (!series.Any(s => s.Value.HasValues))
            return;
        page.Heading(2, "Faces");
        page.Note($"Means over {Seconds(bin)} s bins of the 30 Hz feature grid; a gap where the face was not seen.");
        IReadOnlyDictionary<string, BinnedSeries> Of(string feature) => series.Where(s => s.Key.Feature == feature).ToDictionary(s => s.Key.Participant, s => s.Value);
        Participants(page, Of("smile"), "Smile (smile)", "0 = own neutral mouth, 1 = broad smile", Span(summary), "features.csv", "smile");
        var looking = Of("looking_at_partner");
        var lines = new[] { "A", "B" }.Where(who => looking.TryGetValue(who, out var l) && l.HasValues)
            .Select(who => new PlotLine(who, looking[who].Times(), looking[who].Means(), ReportPlots.ColorOf(who)))
            .ToList();
        if (lines.Count == 0)
            return;
        var mutual = MutualGaze(folder);
        page.Note(File.Exists(Path.Combine(folder, FaceEventTables.FileName))
            ? $"Shaded: mutual gaze as analyze counted it (face_events.csv), {mutual.Count} stretches, {Seconds(mutual.Sum(m => m.EndSeconds - m.StartSeconds))} s in all."
            : "face_events.csv is not in the folder (an analysis from before it was written): mutual gaze is not shaded.");
        page.Figure(ReportPlots.Lines("Looking at the partner (looking_at_partner)", "share of the bin looking", lines, Span(summary), mutual, (-0.05, 1.05)),
            "Looking at the partner, both looking shaded");
    }

    /// <summary>Mutual gaze as analyze counted it (face_events.csv); none for a folder from before it wrote the events.</summary>
    private static List<PlotSpan> MutualGaze(string folder)
    {
        var path = Path.Combine(folder, FaceEventTables.FileName);
        return File.Exists(path)
            ? [.. FaceEventTables.Read(path).Where(e => e.Kind == FaceEventKind.MutualGaze).Select(e => new PlotSpan(e.Start.Seconds, e.End.Seconds, "mutual gaze"))]
            : [];
    }

    private static void Voice(ReportPage page, string folder, SummaryDocument summary)
    {
        page.Heading(2, "Voice");
        var path = Path.Combine(folder, "prosody.csv");
        if (!File.Exists(path))
        {
            page.Note("prosody.csv is not in the folder (no voice analysis): no pitch or intensity contours.");
        }
        else
        {
            var bin = Math.Max(0.03, summary.AnalysedSeconds / 3000);
            var contours = ProsodyCsvReader.ReadBinned(path, summary.StartSeconds, bin);
            page.Note($"Means over {Seconds(bin)} s bins of the prosody frames; pitch only where the voice is voiced.");
            Participants(page, contours.PitchHz, "Pitch (F0)", "frequency (Hz)", Span(summary), "prosody.csv", "f0_hz");
            Participants(page, contours.IntensityDb, "Intensity", "intensity (dB)", Span(summary), "prosody.csv", "intensity_db");
        }

        SpeechRate(page, folder, summary);
        SpeechAndNods(page, folder, summary);
    }

    /// <summary>Who speaks when and where each person nodded: nods while the partner talks are the listener's backchannel.</summary>
    private static void SpeechAndNods(ReportPage page, string folder, SummaryDocument summary)
    {
        var unitsPath = Path.Combine(folder, UnitsCsv.FileName);
        var headsPath = Path.Combine(folder, "head_movements.csv");
        if (!File.Exists(unitsPath) || !File.Exists(headsPath))
            return;
        var units = UnitsCsv.Read(unitsPath);
        var nods = HeadMovementTables.Read(headsPath).Where(m => m.Kind == HeadMovementKind.Nod).ToArray();
        page.Heading(3, "Speech and nods");
        page.Note("Each person's inter-pausal units (units.csv) as bars and their nods (head_movements.csv) as ticks at each nod's middle; "
            + $"{nods.Count(n => n.Participant == Participant.A)} nods by A, {nods.Count(n => n.Participant == Participant.B)} by B.");
        var lanes = new[] { Participant.A, Participant.B }.Select(who => new TimelineLane(
            who.ToString(),
            [.. units.Where(u => u.Speaker == who).Select(u => new PlotSpan(u.Start.Seconds, u.End.Seconds, $"{who} speaking"))],
            [.. nods.Where(n => n.Participant == who).Select(n => (n.Start.Seconds + n.End.Seconds) / 2)],
            $"{who} nods",
            ReportPlots.ColorOf(who.ToString()))).ToArray();
        page.Figure(ReportPlots.Timeline("Speech and nods", lanes, Span(summary)), "Speech units and nods of A and B");
    }

    private static void SpeechRate(ReportPage page, string folder, SummaryDocument summary)
    {
        page.Heading(3, "Speech rate per unit");
        var path = Path.Combine(folder, UnitsCsv.FileName);
        if (!File.Exists(path))
        {
            page.Note("units.csv is not in the folder (no voice analysis, or a folder from before analyze wrote it): speech rate per unit is not drawn. "
                + "The tempo plot under Coordination over time still shows, at each change of speaker, minus the difference of the two units' rates.");
            return;
        }

        var units = UnitsCsv.Read(path);
        page.Note("One bar per inter-pausal unit (speech between pauses of the same speaker), from its start to its end at its speech rate "
            + "(syllable nuclei per second of the unit), with a dot at its middle.");
        var series = new List<PlotSegments>();
        foreach (var who in new[] { Participant.A, Participant.B })
        {
            var own = units.Where(u => u.Speaker == who && double.IsFinite(u.SyllablesPerSecond))
                .Select(u => new PlotSegment(u.Start.Seconds, u.End.Seconds, u.SyllablesPerSecond))
                .ToList();
            if (own.Count > 0)
                series.Add(new PlotSegments(who.ToString(), own, ReportPlots.ColorOf(who.ToString())));
            else
                page.Note($"Speech rate per unit: no units for {who} in units.csv.");
        }

        if (series.Count > 0)
            page.Figure(ReportPlots.Segments("Speech rate per unit", "speech rate (syllables/s)", series, Span(summary)), "Speech rate per unit");
    }

    private static void Participants(ReportPage page, IReadOnlyDictionary<string, BinnedSeries> byParticipant, string title, string unit, (double, double) span, string file, string column)
    {
        var lines = new List<PlotLine>();
        foreach (var who in new[] { "A", "B" })
        {
            if (byParticipant.TryGetValue(who, out var series) && series.HasValues)
                lines.Add(new PlotLine(who, series.Times(), series.Means(), ReportPlots.ColorOf(who)));
            else
                page.Note($"{title}: no values for {who} in {file} ({column}).");
        }

        if (lines.Count > 0)
            page.Figure(ReportPlots.Lines(title, unit, lines, span), title);
    }

    private static string Details(MeasureSummary measure) =>
        string.Join("; ", measure.Details
            .Where(d => d.Key is not ("n_windows" or "missing_windows" or "episodes"))
            .Select(d => $"{d.Key.Replace('_', ' ')} {Number(d.Value, "0.###")}")
            .Append($"windows {Number(measure.Detail("n_windows"), "0")} ({Number(measure.Detail("missing_windows"), "0")} missing), episodes {Number(measure.Detail("episodes"), "0")}"));

    private static int Order(SummaryDocument summary, string measure)
    {
        var index = summary.Measures.Select(m => m.Name).ToList().IndexOf(measure);
        return index < 0 ? int.MaxValue : index;
    }

    private static (double Start, double End) Span(SummaryDocument summary) => (summary.StartSeconds, summary.StartSeconds + summary.AnalysedSeconds);

    /// <summary>What a window's value is, per measure (tempo's is a change of rate, not a correlation).</summary>
    private static string ValueAxis(string measure) => measure switch
    {
        "posture_mirroring" => "posture similarity at best lag (r)",
        "gesture_synchrony" or "tone" or "volume" or "smile_mimicry" or "proximity" => "correlation at best lag (r)",
        "tempo" => "−|A−B rate| (syll/s)",
        "inflection" => "−|A−B pitch range| (st)",
        "mutual_gaze" => "share of time looking at each other",
        _ => "window value",
    };

    private static string Label(string measure) => measure switch
    {
        "posture_mirroring" => "Posture similarity (mirroring)",
        "gesture_synchrony" => "Gesture synchrony",
        "tone" => "Tone (pitch) synchrony",
        "tempo" => "Tempo",
        "volume" => "Volume (loudness) synchrony",
        "inflection" => "Inflection (pitch liveliness)",
        "smile_mimicry" => "Smile mimicry",
        "mutual_gaze" => "Mutual gaze",
        "nod_reciprocity" => "Nod reciprocity",
        "proximity" => "Proximity (leaning towards and away together)",
        _ => measure,
    };

    private static string Number(double? value, string format) => value is { } v ? MeasureReading.Number(v, format) : "–";

    private static string Seconds(double value) => MeasureReading.Number(value, "0.##");
}
