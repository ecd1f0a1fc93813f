using System.Diagnostics;
using MirrorSense.Core;
using MirrorSense.Fixtures;
using MirrorSense.Sessions.Batch;
using MirrorSense.Sessions.Features;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;
using OpenCvSharp;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// The body corpus: constructed sessions of real people (crops of @vladmandic/human's photo sheet) leaning by
/// designed signals, put through <c>mirrorsense analyze --no-audio</c> once each (the pose stage, pixel motion and
/// the feature grid exactly as the product makes them; cached in the work folder), then posture mirroring and
/// gesture synchrony computed in-process from the session's <c>features.csv</c> with analyze's default settings, and
/// the same grid replayed through the live engine for the session mean of the page's posture and gesture meters.
/// Nulls: independent people in one frame, in two cameras, under flicker, shake and heavy re-encoding, leaving and
/// returning, with a shared slow trend, and pseudo-dyads (A of one session with B of another). Effects: B following
/// 0.6 × A's lean 0.5–3 s later on top of B's own, mirror-wise or to the same side.
/// </summary>
internal sealed class BodyCorpus(string mirrorsense, string sheetPath) : ICalibrationCorpus
{
    private const double EffectSeconds = 180;

    public string Name => "body";

    public IEnumerable<CalibrationOutcome> Run(CalibrationPlan plan, TextWriter progress, CancellationToken cancellation)
    {
        if (!File.Exists(mirrorsense))
            throw new ArgumentException($"no mirrorsense at '{mirrorsense}': publish it first (dotnet publish -c Release src/MirrorSense.Cli -o .build/mirrorsense) or pass --mirrorsense PATH");
        using var sheet = Cv2.ImRead(sheetPath, ImreadModes.Color);
        if (sheet.Empty())
            throw new ArgumentException($"'{sheetPath}' is not an image OpenCV can read (the photo sheet of @vladmandic/human@3.3.6, assets/samples.jpg; pass --sheet PATH)");
        var oneFrame = new List<(BodySession Session, FeatureSeries Features)>();
        foreach (var session in Sessions(plan).Where(s => plan.Includes(s.Kind)))
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var features = Features(session, plan, sheet);
            if (session.Kind == "null:one-frame")
                oneFrame.Add((session, features));
            var outcomes = Measure(session.Kind, session.IsNull, session.Seed, features, session.DesignedLagSeconds).ToArray();
            progress.WriteLine($"  {session.Name} ({session.Seconds:0} s): {string.Join(", ", outcomes.Select(o => $"{o.Measure} p = {o.PValue:0.###} lag {o.BestLagSeconds:0.##}"))} [{clock.Elapsed.TotalSeconds:0} s]");
            foreach (var outcome in outcomes)
                yield return outcome;
        }

        // Pseudo-dyads (rMEA's shuffle): A of each one-frame session with B of the next; nobody saw anybody.
        for (var i = 0; i < oneFrame.Count && oneFrame.Count > 1 && plan.Includes("null:pseudo-dyad"); i++)
        {
            var (first, second) = (oneFrame[i], oneFrame[(i + 1) % oneFrame.Count]);
            var seed = first.Session.Seed + 500;
            foreach (var outcome in Measure("null:pseudo-dyad", true, seed, PseudoDyadFeatures.Combine(first.Features, second.Features), double.NaN))
                yield return outcome;
        }
    }

    /// <summary>Every session of the corpus, in a fixed order; session k of kind j has its own seed.</summary>
    private static IEnumerable<BodySession> Sessions(CalibrationPlan plan)
    {
        (string Kind, bool TwoCameras, BodyNuisance Nuisance)[] nulls =
        [
            ("null:one-frame", false, BodyNuisance.None),
            ("null:two-cameras", true, BodyNuisance.None),
            ("null:flicker", false, BodyNuisance.Flicker),
            ("null:shake", false, BodyNuisance.Shake),
            ("null:reencoded", false, BodyNuisance.Reencoded),
            ("null:leaving-returning", false, BodyNuisance.LeavingAndReturning),
            ("null:shared-trend", false, BodyNuisance.SharedTrend),
        ];
        for (var k = 0; k < plan.SessionsPerKind; k++)
        {
            for (var j = 0; j < nulls.Length; j++)
            {
                var seed = SeedOf(plan, j, k);
                // Lengths of 60–150 s: long enough for several windows, short enough to build 40 of each kind here.
                var seconds = 60 + 15 * new Random(seed).Next(7);
                yield return new BodySession(nulls[j].Kind, true, seed, seconds, nulls[j].TwoCameras, nulls[j].Nuisance, double.NaN, Mirrored: true);
            }

            foreach (var (kind, mirrored, j) in new[] { ("effect:mirrored-0.6", true, 20), ("effect:same-side-0.6", false, 21) })
            {
                var seed = SeedOf(plan, j, k);
                var lag = Math.Round(0.5 + 2.5 * new Random(seed).NextDouble(), 1);
                yield return new BodySession(kind, false, seed, EffectSeconds, false, BodyNuisance.None, lag, mirrored);
            }
        }
    }

    private static int SeedOf(CalibrationPlan plan, int kind, int session) => plan.Seed * 100_000 + kind * 1_000 + session;

    /// <summary>The session's feature grid, from its cached analysis or a new one.</summary>
    private FeatureSeries Features(BodySession session, CalibrationPlan plan, Mat sheet)
    {
        var folder = Path.Combine(plan.WorkFolder, session.Name);
        var analysis = Path.Combine(folder, "analysis");
        var features = Path.Combine(analysis, "features.csv");
        // An analysis cut short (stopped, or the machine went down) says so in its summary: it is done again.
        if (!BatchMeasuresTable.IsComplete(Path.Combine(analysis, "summary.json")))
        {
            Directory.CreateDirectory(folder);
            var videos = session.Write(folder, sheet);
            ChildProgram.Run(mirrorsense, ["analyze", .. videos, "--no-audio", "--seed", session.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", analysis]);
            // The pictures are large and rebuilt from the seed: the analysis is what later runs reuse.
            foreach (var video in videos.Where(v => !v.StartsWith("--", StringComparison.Ordinal)))
                File.Delete(video);
        }

        return FeatureCsvReader.ReadSeries(features);
    }

    /// <summary>Posture mirroring and gesture synchrony of one session, as analyze computes them (its default settings, the session's seed).</summary>
    private static IEnumerable<CalibrationOutcome> Measure(string kind, bool isNull, int seed, FeatureSeries features, double designedLag)
    {
        var settings = new CoordinationSettings().WithSeed(seed);
        var duration = TimeSpan.FromSeconds(features.Length / features.Grid.SampleRate);
        var signals = new SessionSignals(features.Grid.Origin, duration, features.Posture(), features.Dyad(settings.GestureFeature), null, null);
        var report = new CoordinationAnalysis(settings).Analyse(signals);
        var live = LiveMeterReplay.SessionMeans(features);
        double Live(string measure) => measure == MeasureNames.PostureMirroring ? live.Posture : measure == MeasureNames.GestureSynchrony ? live.Gesture : double.NaN;
        foreach (var measure in report.Measures)
            yield return new CalibrationOutcome(measure.Name, kind, isNull, seed, duration.TotalSeconds, measure.PValue, measure.BestLagSeconds, designedLag, measure.LagAtEdge, Live(measure.Name));
        foreach (var missing in report.Missing.Where(m => m.Name is MeasureNames.PostureMirroring or MeasureNames.GestureSynchrony))
            yield return new CalibrationOutcome(missing.Name, kind, isNull, seed, duration.TotalSeconds, double.NaN, double.NaN, designedLag, false, Live(missing.Name));
    }
}
