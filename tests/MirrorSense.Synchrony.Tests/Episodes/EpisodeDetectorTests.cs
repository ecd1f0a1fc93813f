using MirrorSense.Core;
using MirrorSense.Synchrony.Episodes;

namespace MirrorSense.Synchrony.Tests.Episodes;

public sealed class EpisodeDetectorTests
{
    private static readonly EpisodeDetector Detector = new(baseline: 0.3, minimumDuration: TimeSpan.FromSeconds(10));

    [Fact]
    public void Consecutive_windows_above_the_baseline_make_one_episode_with_their_mean_strength_and_median_lag()
    {
        // 5 s windows every 2.5 s; windows 2–6 are above 0.3 with B following A by about 1 s
        double[] values = [0.1, 0.2, 0.5, 0.6, 0.7, 0.6, 0.5, 0.1];
        var windows = values.Select((v, i) => Window(i * 2.5, v, lag: v > 0.3 ? 1.0 : -2)).ToArray();

        var episode = Assert.Single(Detector.Find("posture_mirroring", windows));

        Assert.Equal(MediaTime.FromSeconds(5), episode.Start);
        Assert.Equal(MediaTime.FromSeconds(20), episode.End);
        Assert.Equal(0.58, episode.Strength, 12);
        Assert.Equal(Participant.A, episode.Leader);
        Assert.Equal(1.0, episode.LagSeconds);
    }

    [Fact]
    public void Runs_shorter_than_the_minimum_are_not_episodes()
    {
        var windows = new[] { Window(0, 0.9, 1), Window(2.5, 0.9, 1), Window(5, 0.1, 0) };

        Assert.Empty(Detector.Find("gesture_synchrony", windows));
    }

    [Fact]
    public void A_missing_window_ends_an_episode()
    {
        double[] values = [0.5, 0.5, 0.5, 0.5, double.NaN, 0.5, 0.5, 0.5, 0.5, 0.5];
        var windows = values.Select((v, i) => Window(i * 2.5, v, lag: -0.5)).ToArray();

        var episodes = Detector.Find("tone", windows);

        Assert.Equal(2, episodes.Count);
        Assert.All(episodes, e => Assert.Equal(Participant.B, e.Leader));
        Assert.Equal(MediaTime.FromSeconds(12.5), episodes[1].Start);
    }

    private static WindowValue Window(double start, double value, double lag) =>
        new(MediaTime.FromSeconds(start), MediaTime.FromSeconds(start + 5), value, lag);
}
