using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Streaming;

namespace MirrorSense.Synchrony.Tests.Streaming;

public sealed class SynchronyObservableTests
{
    private static readonly CrossCorrelationSettings Settings = new(10, 0.5, 3, 1);

    [Fact]
    public void Each_window_arrives_at_the_virtual_time_of_its_last_sample()
    {
        // Given A and B sampled at 10 Hz, each sample published at its own media time on a virtual clock
        var scheduler = new HistoricalScheduler(DateTimeOffset.UnixEpoch);
        var dyad = Dyad(seed: 1, length: 100);
        var emitted = new List<(TimeSpan At, CrossCorrelationWindow Window)>();
        using var _ = Publish(dyad.A, scheduler).WindowedCrossCorrelation(Publish(dyad.B, scheduler), Settings)
            .Subscribe(w => emitted.Add((scheduler.Now - DateTimeOffset.UnixEpoch, w)));

        // When the clock runs through the session
        scheduler.AdvanceBy(TimeSpan.FromSeconds(11));

        // Then window w (span 3.5 s, step 1 s) is out at the time of its last sample, w + 3.4 s
        Assert.Equal(Settings.WindowCount(100), emitted.Count);
        foreach (var (at, window) in emitted)
            Assert.Equal(TimeSpan.FromSeconds(window.Index + 3.4), at);
    }

    [Fact]
    public void The_operator_gives_the_batch_result_whatever_the_interleaving_of_A_and_B()
    {
        var dyad = Dyad(seed: 2, length: 300);
        var expected = WindowedCrossCorrelation.Compute(dyad, Settings);

        // A entirely before B: pairs wait for the partner (within the skew bound)
        var allAFirst = Run(dyad, interleave: false);
        // Interleaved sample by sample
        var interleaved = Run(dyad, interleave: true);

        IncrementalCrossCorrelationTests.AssertEqual(expected, allAFirst);
        IncrementalCrossCorrelationTests.AssertEqual(expected, interleaved);
    }

    [Fact]
    public void A_grid_point_a_participant_skips_counts_as_missing()
    {
        // Given B's stream drops every sample where the batch series has NaN
        var dyad = Dyad(seed: 3, length: 200);
        var b = dyad.B.ToArray();
        for (var i = 40; i < 60; i++)
            b[i] = double.NaN;
        var withGap = DyadSeries.FromArrays("gap", 10, [.. dyad.A], b);
        var expected = WindowedCrossCorrelation.Compute(withGap, Settings);

        var streamA = Samples(withGap.A).ToObservable();
        var streamB = Samples(withGap.B).Where(s => !double.IsNaN(s.Value)).ToObservable();
        var actual = streamA.WindowedCrossCorrelation(streamB, Settings).ToList().Wait();

        IncrementalCrossCorrelationTests.AssertEqual(expected, new CrossCorrelationResult("gap", Settings, [.. actual]));
    }

    [Fact]
    public void Window_times_are_on_the_media_clock_of_a_session_that_started_later()
    {
        // Given a live session whose clock reads 100 s at its first sample
        var origin = MediaTime.FromSeconds(100);
        var dyad = Dyad(seed: 4, length: 60);
        var a = dyad.A.Select((v, i) => Stamped.At(new MediaTime(origin.Microseconds + MediaTime.OfSample(i, 10).Microseconds), v)).ToObservable();
        var b = dyad.B.Select((v, i) => Stamped.At(new MediaTime(origin.Microseconds + MediaTime.OfSample(i, 10).Microseconds), v)).ToObservable();

        var windows = a.WindowedCrossCorrelation(b, Settings, origin).ToList().Wait();

        // Then the first window spans 100–103 s, and values equal the batch result on the same samples
        Assert.Equal(MediaTime.FromSeconds(100), windows[0].Start);
        Assert.Equal(MediaTime.FromSeconds(103), windows[0].End);
        var batch = WindowedCrossCorrelation.Compute(dyad, Settings).Windows[0].Values;
        Assert.All(batch.Zip(windows[0].Values), pair => Assert.Equal(pair.First, pair.Second, 1e-12));
    }

    [Fact]
    public void Media_times_that_go_backwards_end_the_stream_with_an_error_naming_the_participant()
    {
        var a = new[] { Stamped.At(MediaTime.FromSeconds(0), 1.0), Stamped.At(MediaTime.FromSeconds(0.5), 2.0), Stamped.At(MediaTime.FromSeconds(0.2), 3.0) }.ToObservable();
        var b = Observable.Never<Stamped<double>>();

        var error = Assert.Throws<InvalidOperationException>(() => a.WindowedCrossCorrelation(b, Settings).ToList().Wait());

        Assert.Contains("Participant A", error.Message);
    }

    [Fact]
    public void Argument_checking()
    {
        var source = Observable.Empty<Stamped<double>>();
        Assert.Throws<ArgumentNullException>(() => SynchronyObservable.WindowedCrossCorrelation(null!, source, Settings));
        Assert.Throws<ArgumentNullException>(() => source.WindowedCrossCorrelation(null!, Settings));
        Assert.Throws<ArgumentNullException>(() => source.WindowedCrossCorrelation(source, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.WindowedCrossCorrelation(source, Settings, maxSkew: TimeSpan.FromSeconds(-1)));
    }

    private static DyadSeries Dyad(int seed, int length)
    {
        var random = new Random(seed);
        var a = Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray();
        var b = a.Select((v, i) => i >= 3 ? 0.6 * a[i - 3] + 0.4 * random.NextDouble() : random.NextDouble()).ToArray();
        return DyadSeries.FromArrays($"dyad-{seed}", 10, a, b);
    }

    private static IEnumerable<Stamped<double>> Samples(IEnumerable<double> series) =>
        series.Select((v, i) => Stamped.At(MediaTime.OfSample(i, 10), v));

    private static IObservable<Stamped<double>> Publish(IEnumerable<double> series, IScheduler scheduler) =>
        Samples(series).Select(s => Observable.Return(s).Delay(TimeSpan.FromTicks(s.Time.Microseconds * 10), scheduler)).Merge();

    private static CrossCorrelationResult Run(DyadSeries dyad, bool interleave)
    {
        var a = new Subject<Stamped<double>>();
        var b = new Subject<Stamped<double>>();
        var windows = new List<CrossCorrelationWindow>();
        using var _ = a.WindowedCrossCorrelation(b, Settings, maxSkew: TimeSpan.FromMinutes(1)).Subscribe(windows.Add);
        var samplesA = Samples(dyad.A).ToArray();
        var samplesB = Samples(dyad.B).ToArray();
        if (interleave)
        {
            for (var i = 0; i < samplesA.Length; i++)
            {
                a.OnNext(samplesA[i]);
                b.OnNext(samplesB[i]);
            }
        }
        else
        {
            Array.ForEach(samplesA, a.OnNext);
            Array.ForEach(samplesB, b.OnNext);
        }

        a.OnCompleted();
        b.OnCompleted();
        return new CrossCorrelationResult(dyad.Name, Settings, [.. windows]);
    }
}
