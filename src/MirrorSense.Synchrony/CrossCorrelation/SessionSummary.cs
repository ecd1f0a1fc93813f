namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>
/// Per-dyad aggregates over windows: means ignoring missing windows, the median best lag, and rMEA's
/// <c>grandAver</c> (mean of every present cell of the matrix).
/// </summary>
public readonly record struct SessionSummary(
    int WindowCount,
    int MissingWindows,
    double GrandMean,
    double Lag0Mean,
    double AllLagsMean,
    double S1LeadMean,
    double S2LeadMean,
    double BestLagMedianSeconds)
{
    public static SessionSummary Of(IReadOnlyList<CrossCorrelationWindow> windows)
    {
        var n = windows.Count;
        var lag0 = new double[n];
        var all = new double[n];
        var s1 = new double[n];
        var s2 = new double[n];
        var best = new double[n];
        var missing = 0;
        var grand = new Statistics.RunningMean();
        for (var i = 0; i < n; i++)
        {
            var w = windows[i];
            var s = w.Summary;
            lag0[i] = s.Lag0;
            all[i] = s.AllLags;
            s1[i] = s.S1Lead;
            s2[i] = s.S2Lead;
            best[i] = s.BestLagSeconds;
            if (w.IsMissing)
                missing++;
            foreach (var v in w.Values)
                grand.Add(v);
        }

        return new SessionSummary(n, missing, grand.Mean,
            Statistics.MeanOfPresent(lag0), Statistics.MeanOfPresent(all),
            Statistics.MeanOfPresent(s1), Statistics.MeanOfPresent(s2),
            Statistics.MedianOfPresent(best));
    }
}
