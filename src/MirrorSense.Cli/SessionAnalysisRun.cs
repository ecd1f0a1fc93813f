using System.Globalization;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Report;
using MirrorSense.Sessions;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Sessions.Elan;
using MirrorSense.Sessions.Features;
using MirrorSense.Sessions.Prosody;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Voice;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Cli;

/// <summary>How far each side of an analysis has got (fractions 0–1; null when the side is not part of the run).</summary>
internal sealed record AnalyzeProgress(double? Body, double? VoiceA, double? VoiceB);

/// <summary>What an analysis produced, for the console and the exit code.</summary>
internal sealed record AnalyzeOutcome(CoordinationReport Report, TimeSpan Analysed, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors, bool Cancelled);

/// <summary>Wall time of each stage (body and voices run side by side, the measures after them), for users and the benchmark.</summary>
internal sealed class StageTimes
{
    private readonly Dictionary<string, double> _seconds = [];
    private readonly Lock _gate = new();

    public T Time<T>(string stage, Func<T> work)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            lock (_gate)
                _seconds[stage] = watch.Elapsed.TotalSeconds;
        }
    }

    public IReadOnlyDictionary<string, double?> Snapshot()
    {
        lock (_gate)
            return _seconds.ToDictionary(p => p.Key, p => (double?)Math.Round(p.Value, 3));
    }
}

/// <summary>
/// Composes one session's analysis: the body side (video → pose → features) and both voices run side by side,
/// then the coordination measures on what they produced, then the tables, the ELAN tiers and the summary.
/// A side that fails or is stopped keeps what it processed, and the outputs cover that.
/// </summary>
internal sealed class SessionAnalysisRun(AnalyzeRequest request)
{
    public AnalyzeOutcome Run(Action<AnalyzeProgress>? progress, CancellationToken cancellation)
    {
        Directory.CreateDirectory(request.Output);
        var total = System.Diagnostics.Stopwatch.StartNew();
        var times = new StageTimes();
        var state = new ProgressState(progress, request.Video is not null, request.Voice is VoiceInput.Files);
        var warnings = new List<string>(request.InputWarnings);
        var errors = new List<string>();
        // The faces from OpenFace are read first: they are small, and the body side writes them into its features.csv.
        var openFace = request.OpenFace is null ? null : times.Time("openface_s", () => OpenFaceSide.Read(request, warnings));
        var body = request.Video is null ? null : Task.Run(() => times.Time("body_s", () => BodySide.Run(request, openFace?.Samples, FeaturesRead(), state.For(0), cancellation)), CancellationToken.None);
        var voiceA = Voice(Participant.A, state.For(1), times, cancellation);
        var voiceB = Voice(Participant.B, state.For(2), times, cancellation);

        var bodyResult = Settle(body, errors);
        var voiceResultA = Settle(voiceA, errors);
        var voiceResultB = Settle(voiceB, errors);
        if (bodyResult is not null)
        {
            warnings.AddRange(bodyResult.Warnings);
            if (bodyResult.Error is { } bodyError)
                errors.Add(bodyError);
        }

        foreach (var voice in new[] { voiceResultA, voiceResultB })
            if (voice is not null)
                warnings.AddRange(voice.Warnings);
        if (request.Voice is VoiceInput.None none)
            warnings.Add(none.Reason);

        WriteProsody(voiceResultA, voiceResultB);
        if (openFace is not null && bodyResult is null)
            WriteFile("features.csv", writer => openFace.WriteFeatures(writer));
        var (origin, duration) = Span(bodyResult, voiceResultA, voiceResultB, openFace, warnings);
        WriteUnitsTextGrid(origin, duration, voiceResultA, voiceResultB, warnings);
        if (bodyResult is { Features.Length: > 0 } && bodyResult.Features.Names.Contains(BodyFeatures.PixelMotion))
            WriteFile(MeaText.FileName, writer => MeaText.Write(writer, bodyResult.Features.Dyad(BodyFeatures.PixelMotion)));
        // Head angles (OpenFace's, or the face stage's where it read the face) turn more directly into nods than the pose's nose point.
        var heads = openFace is not null ? openFace.HeadMovements
            : bodyResult is { Features.Length: > 0 } ? HeadMovements.OfSession(bodyResult.Features) : [];
        var signals = new SessionSignals(
            origin,
            duration,
            bodyResult is { Features.Length: > 0 } ? bodyResult.Features.Posture() : null,
            bodyResult is { Features.Length: > 0 } ? GestureSeries(bodyResult, warnings) : null,
            voiceResultA?.ToSpeakerVoice(),
            voiceResultB?.ToSpeakerVoice(),
            openFace is not null ? openFace.Signals()
            : bodyResult is { Features.Length: > 0 } && bodyResult.Features.Names.Contains(FaceFeatures.Smile)
                ? new FaceSignals(bodyResult.Features.Dyad(FaceFeatures.Smile), bodyResult.Features.Dyad(FaceFeatures.LookingAtPartner), heads)
                : null,
            bodyResult is { Features.Length: > 0 } ? bodyResult.Features.Dyad(BodyFeatures.PartnerDistance) : null);
        var report = times.Time("measures_s", () => new CoordinationAnalysis(request.Settings).Analyse(signals));

        var cancelled = cancellation.IsCancellationRequested;
        WriteFile("synchrony.csv", writer => CoordinationCsv.WriteWindows(report.Measures, writer));
        WriteFile("episodes.csv", writer => CoordinationCsv.WriteEpisodes(report.Measures, writer));
        foreach (var measure in report.Measures.Where(m => m.Matrix is not null))
            WriteFile(CoordinationCsv.MatrixFileName(measure.Name), writer => CoordinationCsv.WriteMatrix(measure, writer));
        var faceEvents = signals.Faces is { } faces ? FaceEvents.Of(faces, origin, request.Settings.Smile, request.Settings.Gaze) : null;
        var headsMeasured = bodyResult is not null || openFace is not null;
        if (headsMeasured)
            WriteFile("head_movements.csv", writer => HeadMovementTables.Write(heads, writer));
        if (faceEvents is not null)
            WriteFile(FaceEventTables.FileName, writer => FaceEventTables.Write(faceEvents, writer));
        var eventTiers = (headsMeasured ? HeadMovementTables.Tiers(heads) : []).Concat(faceEvents is null ? [] : FaceEventTables.Tiers(faceEvents));
        try
        {
            WriteFile("session.eaf", writer => ElanWriter.Write(
                EpisodeTiers.Document(report.Measures, DateTimeOffset.Now, MediaFile(), eventTiers), writer));
        }
        catch (ArgumentException error)
        {
            // A document ELAN would refuse costs the ELAN file, never the summary and tables after it.
            warnings.Add($"session.eaf was not written: {error.Message}");
        }
        var timing = new Dictionary<string, double?>(times.Snapshot()) { ["total_s"] = Math.Round(total.Elapsed.TotalSeconds, 3) };
        var summary = new AnalysisSummary(request.InputNames, Parameters(), request.Settings, report, duration, [.. warnings, .. errors], Complete: !cancelled && errors.Count == 0)
        {
            Timing = timing,
        };
        WriteFile("summary.json", writer => AnalysisSummaryJson.Write(summary, writer));
        WriteReport(warnings);
        return new AnalyzeOutcome(report, duration, warnings, errors, cancelled);
    }

    /// <summary>The HTML report comes last, from the files just written; failing to draw it loses none of them.</summary>
    private void WriteReport(List<string> warnings)
    {
        try
        {
            SessionReport.Write(request.Output);
        }
        catch (Exception error) when (error is SeriesFormatException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or DllNotFoundException or TypeInitializationException)
        {
            warnings.Add($"report.html was not written ({error.Message}); the other outputs are complete. Retry with: mirrorsense report {request.Output}");
        }
    }

    /// <summary>The grid features read below: the measures' signals, the rMEA table and the head movements.</summary>
    private IEnumerable<string> FeaturesRead() =>
    [
        .. PostureDescriptor.Schema.Components.Select(c => c.Name),
        request.Settings.GestureFeature,
        BodyFeatures.MotionBody,
        BodyFeatures.PixelMotion,
        BodyFeatures.PartnerDistance,
        BodyFeatures.HeadX,
        BodyFeatures.HeadY,
        FaceFeatures.Smile,
        FaceFeatures.LookingAtPartner,
        FaceFeatures.HeadPitch,
        FaceFeatures.HeadYaw,
    ];

    private DyadSeries GestureSeries(BodySideResult body, List<string> warnings)
    {
        var features = body.Features;
        var wanted = request.Settings.GestureFeature;
        if (features.Names.Contains(wanted))
            return features.Dyad(wanted);
        warnings.Add($"gesture synchrony: the feature '{wanted}' was not measured ({string.Join(", ", body.Measured.Names.Where(n => n.StartsWith("motion", StringComparison.Ordinal) || n.Contains("motion", StringComparison.Ordinal)))} were); using {BodyFeatures.MotionBody}.");
        return features.Dyad(BodyFeatures.MotionBody);
    }

    private Task<VoiceSideResult>? Voice(Participant speaker, IProgress<double>? progress, StageTimes times, CancellationToken cancellation)
    {
        var stage = $"voice_{speaker.ToString().ToLowerInvariant()}_s";
        return request.Voice switch
        {
            VoiceInput.Files files => Task.Run(() => times.Time(stage, () => VoiceSide.Run(request, files, speaker, progress, cancellation)), CancellationToken.None),
            VoiceInput.RecordedFrames recorded => Task.Run(() => times.Time(stage, () => RecordedVoiceSide.Run(request, recorded, speaker)), CancellationToken.None),
            _ => null,
        };
    }

    /// <summary>The side's result, or null with its error recorded: one failing side does not lose the others.</summary>
    private static T? Settle<T>(Task<T>? side, List<string> errors)
        where T : class
    {
        if (side is null)
            return null;
        try
        {
            return side.GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or VideoSourceException or SeriesFormatException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            errors.Add(error.Message);
            return null;
        }
    }

    /// <summary>The session runs from the start asked for to the earliest end among the signals present; differing lengths are reported.</summary>
    private (MediaTime Origin, TimeSpan Duration) Span(BodySideResult? body, VoiceSideResult? a, VoiceSideResult? b, OpenFaceSide? faces, List<string> warnings)
    {
        var origin = request.StartTime;
        var ends = new List<(string What, double End)>();
        if (body?.LastFrame is { } last)
            ends.Add(("video", last.Seconds));
        if (faces?.LastFrame is { } lastFace)
            ends.Add(("OpenFace", lastFace.Seconds));
        foreach (var voice in new[] { a, b })
            if (voice is { Frames.Count: > 0 })
                ends.Add(($"voice {voice.Speaker}", voice.Frames[^1].Time.Seconds));
        if (ends.Count == 0)
            return (origin, TimeSpan.Zero);
        var earliest = ends.MinBy(e => e.End);
        var latest = ends.MaxBy(e => e.End);
        if (latest.End - earliest.End > 1)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the recordings end at different times ({string.Join(", ", ends.Select(e => $"{e.What} {e.End:0.##} s"))}); aligned by media time, measures cover {request.Start:0.##}–{earliest.End:0.##} s."));
        }

        return (origin, TimeSpan.FromSeconds(Math.Max(0, earliest.End - request.Start)));
    }

    /// <summary>prosody.csv (frames) and units.csv (inter-pausal units), A's rows then B's.</summary>
    private void WriteProsody(VoiceSideResult? a, VoiceSideResult? b)
    {
        if (a is null && b is null)
            return;
        WriteFile("prosody.csv", writer =>
        {
            writer.NewLine = "\n";
            writer.WriteLine(ProsodyCsvWriter.DyadFrameHeader);
            foreach (var voice in new[] { a, b })
                foreach (var frame in voice?.Frames ?? [])
                    ProsodyCsvWriter.WriteFrame(writer, frame, voice!.Speaker);
        });
        WriteFile(UnitsCsv.FileName, writer => UnitsCsv.Write(
            writer,
            new[] { a, b }.SelectMany(voice => voice?.Units ?? []),
            dyad: true));
    }

    /// <summary>units.TextGrid over the session, widened to any unit beyond its end (a voice longer than the video), one tier per voice analysed.</summary>
    private void WriteUnitsTextGrid(MediaTime origin, TimeSpan duration, VoiceSideResult? a, VoiceSideResult? b, List<string> warnings)
    {
        UnitTier[] tiers = [.. new[] { a, b }.OfType<VoiceSideResult>().Select(voice => new UnitTier(voice.Speaker.ToString(), voice.MeasuredUnits))];
        // A run stopped before its first frame has no span and no units: Praat opens no grid that lasts no time.
        if (tiers.Length == 0 || (duration <= TimeSpan.Zero && tiers.All(t => t.Units.Count == 0)))
            return;
        try
        {
            WriteFile(UnitsTextGrid.FileName, writer => UnitsTextGrid.Write(writer, origin, origin + duration, tiers));
        }
        catch (ArgumentException error)
        {
            // Units Praat cannot hold (overlapping, lasting no time) cost the TextGrid, never the measures after it.
            warnings.Add($"{UnitsTextGrid.FileName} was not written: {error.Message}");
        }
    }

    private Dictionary<string, double?> Parameters() => new()
    {
        ["start_s"] = request.Start,
        ["end_s"] = request.End,
        ["av_offset_s"] = request.AudioOffsetSeconds,
        ["seed"] = request.Settings.Seed,
    };

    private string? MediaFile() => request.Video switch
    {
        VideoInput.Shared shared => Path.GetFullPath(shared.Path),
        VideoInput.PerParticipant both => Path.GetFullPath(both.PathA),
        VideoInput.PoseTable => null,
        _ => null,
    };

    private void WriteFile(string name, Action<TextWriter> write) => AtomicFile.Write(Path.Combine(request.Output, name), write);

    /// <summary>Each side reports its own fraction; the display gets all three together.</summary>
    private sealed class ProgressState(Action<AnalyzeProgress>? report, bool body, bool voices)
    {
        private readonly double?[] _fractions = [body ? 0 : null, voices ? 0 : null, voices ? 0 : null];
        private readonly Lock _gate = new();

        public IProgress<double>? For(int side) => report is null ? null : new Side(this, side);

        private void Set(int side, double fraction)
        {
            AnalyzeProgress snapshot;
            lock (_gate)
            {
                _fractions[side] = fraction;
                snapshot = new AnalyzeProgress(_fractions[0], _fractions[1], _fractions[2]);
            }

            report!(snapshot);
        }

        private sealed class Side(ProgressState state, int side) : IProgress<double>
        {
            public void Report(double value) => state.Set(side, value);
        }
    }
}
