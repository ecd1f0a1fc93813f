using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Episodes;

/// <summary>
/// Finds episodes (MEASURES.md §3): runs of consecutive windows whose value is above a baseline
/// (typically a high percentile of the surrogates' window values), lasting at least a minimum time.
/// A missing window ends a run: nobody visible is not evidence of mirroring.
/// </summary>
public sealed class EpisodeDetector(double baseline, TimeSpan minimumDuration)
{
    public IReadOnlyList<CoordinationEpisode> Find(string measure, IEnumerable<WindowValue> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var episodes = new List<CoordinationEpisode>();
        var run = new List<WindowValue>();
        foreach (var window in windows.OrderBy(w => w.Start))
        {
            // Overlapping windows continue a run; a gap between windows breaks it.
            var continues = run.Count > 0 && window.Start <= run[^1].End;
            if (window.Value > baseline && (run.Count == 0 || continues))
            {
                run.Add(window);
                continue;
            }

            Close(measure, run, episodes);
            if (window.Value > baseline)
                run.Add(window);
        }

        Close(measure, run, episodes);
        return episodes;
    }

    private void Close(string measure, List<WindowValue> run, List<CoordinationEpisode> episodes)
    {
        if (run.Count > 0 && run[^1].End - run[0].Start >= minimumDuration)
        {
            var lag = Statistics.MedianOfPresent([.. run.Select(w => w.LagSeconds)]);
            episodes.Add(new CoordinationEpisode(measure, run[0].Start, run[^1].End, Statistics.MeanOfPresent([.. run.Select(w => w.Value)]), SurrogateTest.LeaderAt(lag), lag));
        }

        run.Clear();
    }
}
