using System.Text.Json;
using System.Text.Json.Nodes;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Sessions.Synchrony;

/// <summary><c>summary.json</c> of a sync run: parameters, per-dyad results and errors, and real vs surrogate. Missing numbers are null.</summary>
public static class SyncSummaryJson
{
    public static void Write(SyncReport report, TextWriter writer)
    {
        var options = report.Options;
        var settings = options.Settings;
        var root = new JsonObject
        {
            ["tool"] = "mirrorsense sync",
            ["settings"] = new JsonObject
            {
                ["fps"] = settings.SampleRate,
                ["lag_s"] = settings.LagSeconds,
                ["win_s"] = settings.WindowSeconds,
                ["inc_s"] = settings.IncrementSeconds,
                ["fisher_z"] = settings.FisherZ,
                ["absolute"] = settings.Absolute,
                ["smooth_s"] = options.SmoothSeconds,
                ["smoothing"] = options.SmoothSeconds is null ? null : options.Smoothing == SmoothingMode.RMea ? "rmea" : "centred",
                ["scale"] = options.ScaleBySd ? "sd" : null,
            },
            ["dyads"] = new JsonArray([.. report.Dyads.Select(Dyad)]),
            ["warnings"] = new JsonArray([.. report.Warnings.Select(w => (JsonNode)w)]),
        };
        if (report.Pseudo is { } pseudo)
        {
            root["pseudo"] = new JsonObject
            {
                ["method"] = pseudo.Method == SurrogateMethod.Dyads ? "dyads" : "segments",
                ["seed"] = pseudo.Seed,
                ["segment_s"] = pseudo.Method == SurrogateMethod.Segments ? options.SegmentSeconds : null,
                ["keep_roles"] = pseudo.Method == SurrogateMethod.Dyads ? options.KeepRoles : null,
                ["n"] = pseudo.Results.Count,
                ["comparison"] = new JsonObject([.. pseudo.Comparisons.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)Comparison(c.Value)))]),
            };
        }

        writer.Write(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        writer.WriteLine();
    }

    private static JsonNode Dyad(DyadOutcome outcome)
    {
        var node = new JsonObject { ["dyad"] = outcome.Dyad, ["file"] = outcome.File };
        if (outcome.Result is { Summary: var s })
        {
            node["n_windows"] = s.WindowCount;
            node["missing_windows"] = s.MissingWindows;
            node["grand_mean"] = Number(s.GrandMean);
            node["lag0_mean"] = Number(s.Lag0Mean);
            node["all_lags_mean"] = Number(s.AllLagsMean);
            node["s1_lead_mean"] = Number(s.S1LeadMean);
            node["s2_lead_mean"] = Number(s.S2LeadMean);
            node["best_lag_median_s"] = Number(s.BestLagMedianSeconds);
        }
        else
        {
            node["error"] = outcome.Error;
        }

        return node;
    }

    private static JsonObject Comparison(SurrogateComparison c) => new()
    {
        ["real_n"] = c.RealCount,
        ["real_mean"] = Number(c.RealMean),
        ["real_sd"] = Number(c.RealSd),
        ["pseudo_n"] = c.SurrogateCount,
        ["pseudo_mean"] = Number(c.SurrogateMean),
        ["pseudo_sd"] = Number(c.SurrogateSd),
        ["cohens_d"] = Number(c.CohensD),
        ["p_value"] = Number(c.PValue),
        ["permutations"] = c.Permutations,
    };

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;
}
