using System.Globalization;
using System.Text;

namespace MirrorSense.Testing;

/// <summary>
/// A small analysis output folder written by hand, as <c>mirrorsense analyze</c> lays it out: 20 s of a
/// dyad where B is not visible from 5 to 8 s (empty feature values), B's pixel motion was never measured,
/// posture mirroring is significant with A leading by 0.9 s, gesture synchrony is not, and tone is missing.
/// units.csv holds two inter-pausal units per speaker. Both measures have a window × lag matrix; summary.json says what their cells hold (r for posture, |Fisher z| for gesture).
/// </summary>
public static class SyntheticAnalysisFolder
{
    public const double Seconds = 20;
    public const double HiddenFrom = 5;
    public const double HiddenTo = 8;
    public const string MissingReason = "no voices: --no-audio was given";
    public const string PostureCells = "similarity of A's posture with B's mirror image at each lag";
    public const string GestureCells = "absolute Fisher z of A and B at each lag";
    public const string Warning = "the recordings end at different times (video 20 s, voice A 19.5 s)";

    /// <summary>Writes every file into <paramref name="folder"/> (created if needed) and returns the folder.</summary>
    public static string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "summary.json"), Summary);
        File.WriteAllText(Path.Combine(folder, "synchrony.csv"), """
            measure,window_start_s,window_end_s,value,best_lag_s,leader,p_value
            posture_mirroring,0,10,0.8,0.9,A,0.01
            posture_mirroring,5,15,,,,
            posture_mirroring,10,20,0.7,1,A,0.02
            gesture_synchrony,0,20,0.2,-0.5,B,0.31

            """);
        File.WriteAllText(Path.Combine(folder, "episodes.csv"), """
            measure,start_s,end_s,strength,leader,lag_s
            posture_mirroring,10,20,0.7,A,1

            """);
        File.WriteAllText(Path.Combine(folder, "posture_mirroring.ccf.csv"), """
            window_start_s,-1,-0.5,0,0.5,1
            0,0.1,0.2,0.4,0.8,0.6
            5,,,,,
            10,0,0.1,0.3,0.6,0.7

            """);
        // rMEA's |Fisher z|: values above 1, none below 0.
        File.WriteAllText(Path.Combine(folder, "gesture_synchrony.ccf.csv"), """
            window_start_s,-0.5,0,0.5
            0,0.3,1.6,2.4

            """);
        File.WriteAllText(Path.Combine(folder, "features.csv"), Features());
        File.WriteAllText(Path.Combine(folder, "prosody.csv"), Prosody());
        // A speaks in the first half, B in the second (as in prosody.csv); B's last unit had no voiced frame.
        File.WriteAllText(Path.Combine(folder, "units.csv"), """
            participant,start_s,end_s,duration_s,mean_pitch_st,mean_intensity_db,syllables,syllable_rate_per_s
            A,0.5,2.5,2,1.25,60,8,4
            A,3,6,3,-0.5,58.5,15,5
            B,10.5,12,1.5,0.75,61,6,4
            B,13,14,1,,55,3,3

            """);
        return folder;
    }

    private const string Summary = $$"""
        {
          "tool": "mirrorsense analyze",
          "complete": true,
          "analysed_s": 20,
          "inputs": { "video": "dyad.mp4" },
          "parameters": { "start_s": 0, "end_s": null, "av_offset_s": 0, "seed": 1 },
          "measures": {
            "posture_mirroring": {
              "value": 0.8123, "p_value": 0.0049, "p_adjusted": 0.0098, "significant": true, "best_lag_s": 0.9, "leader": "A", "lag_at_edge": false,
              "mirrored_similarity": 0.8123, "anatomical_similarity": 0.3011,
              "n_windows": 3, "missing_windows": 1, "episodes": 1
            },
            "gesture_synchrony": {
              "value": 0.2468, "p_value": 0.3137, "p_adjusted": 0.3137, "significant": false, "best_lag_s": -0.5, "leader": "B", "lag_at_edge": false,
              "lag0_mean": 0.1, "n_windows": 1, "missing_windows": 0, "episodes": 0
            }
          },
          "matrices": {
            "posture_mirroring": { "file": "posture_mirroring.ccf.csv", "cells": "mirrored similarity r", "description": "{{PostureCells}}", "low": -1, "high": 1 },
            "gesture_synchrony": { "file": "gesture_synchrony.ccf.csv", "cells": "|Fisher z|", "description": "{{GestureCells}}", "low": 0, "high": 10 }
          },
          "missing": { "tone": "{{MissingReason}}" },
          "warnings": [ "{{Warning}}" ],
          "timing": { "total_s": 1.5 }
        }
        """;

    /// <summary>30 Hz; A always visible; B hidden (empty values) from <see cref="HiddenFrom"/> to <see cref="HiddenTo"/>; B's pixel_motion never measured.</summary>
    private static string Features()
    {
        var text = new StringBuilder("time_s,participant,feature,value\n");
        string[] features = ["lean_sideways", "head_roll", "motion_body", "pixel_motion"];
        for (var i = 0; i < Seconds * 30; i++)
        {
            var t = i / 30.0;
            foreach (var who in new[] { "A", "B" })
                foreach (var feature in features)
                {
                    var hidden = who == "B" && (t is >= HiddenFrom and < HiddenTo || feature == "pixel_motion");
                    var value = hidden ? "" : (5 + (3 * Math.Sin(t))).ToString("R", CultureInfo.InvariantCulture);
                    text.Append(CultureInfo.InvariantCulture, $"{t:0.######},{who},{feature},{value}\n");
                }
        }

        return text.ToString();
    }

    /// <summary>100 Hz; A voiced in the first half at 120 Hz, B voiced in the second half at 200 Hz.</summary>
    private static string Prosody()
    {
        var text = new StringBuilder("time_s,participant,f0_hz,intensity_db,voiced\n");
        foreach (var who in new[] { "A", "B" })
            for (var i = 0; i < Seconds * 100; i++)
            {
                var t = i / 100.0;
                var voiced = who == "A" ? t < Seconds / 2 : t >= Seconds / 2;
                var f0 = voiced ? (who == "A" ? "120" : "200") : "";
                text.Append(CultureInfo.InvariantCulture, $"{t:0.######},{who},{f0},{(voiced ? 60 : 30)},{(voiced ? 1 : 0)}\n");
            }

        return text.ToString();
    }
}
