using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Core;

namespace MirrorSense.Capture.Tests;

public sealed class AudioObservableTests
{
    [Fact]
    public void A_sources_blocks_come_as_the_reader_cuts_them_and_a_fault_after_the_blocks_read_before_it()
    {
        var expected = new FakeSource(100, 250, 30).ReadBlocks(TimeSpan.FromSeconds(1)).Select(b => (b.Start, b.Samples.ToArray())).ToList();

        var blocks = new List<(MediaTime, float[])>();
        Exception? fault = null;
        new FakeSource(100, 250, 30, failAtEnd: true).Blocks(TimeSpan.FromSeconds(1), ImmediateScheduler.Instance)
            .Subscribe(b => blocks.Add((b.Start, b.Samples.ToArray())), error => fault = error);

        Assert.Equal(expected.Select(b => b.Item1), blocks.Select(b => b.Item1));
        Assert.Equal(expected.SelectMany(b => b.Item2), blocks.SelectMany(b => b.Item2));
        Assert.Contains("unplugged", Assert.IsType<AudioSourceException>(fault).Message);
    }

    [Fact]
    public void Gathered_blocks_hold_the_same_samples_in_order_each_at_its_first_blocks_time_and_no_longer_than_asked()
    {
        // Given 0.35 s blocks of a 100 Hz ramp, 2.5 s in all, gathered into stretches of up to 1 s
        var source = new FakeSource(100, 250, 1000).Blocks(TimeSpan.FromSeconds(0.35), ImmediateScheduler.Instance);

        var gathered = new List<(MediaTime Start, float[] Samples)>();
        source.Gather(TimeSpan.FromSeconds(1)).Subscribe(b => gathered.Add((b.Start, b.Samples.ToArray())));

        // Then two blocks fit in a second (three would not), and the last stretch holds what is left
        Assert.Equal([70, 70, 70, 40], gathered.Select(g => g.Samples.Length));
        Assert.Equal([0.0, 0.7, 1.4, 2.1], gathered.Select(g => Math.Round(g.Start.Seconds, 6)));
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (float)i), gathered.SelectMany(g => g.Samples));
    }

    [Fact]
    public void A_block_longer_than_the_stretch_goes_on_whole_as_a_stretch_of_its_own()
    {
        var format = new AudioFormat(100, 1);
        AudioBlock Block(double start, int length) => new(MediaTime.FromSeconds(start), format, Enumerable.Range(0, length).Select(i => (float)(start * 100 + i)).ToArray());
        AudioBlock[] blocks = [Block(0, 30), Block(0.3, 250), Block(2.8, 30)];

        var gathered = blocks.ToObservable().Gather(TimeSpan.FromSeconds(1)).Select(b => (b.Start.Seconds, b.Samples.Length)).ToList().Wait();

        Assert.Equal([(0.0, 30), (0.3, 250), (2.8, 30)], gathered);
    }

    [Fact]
    public void Gathering_ends_with_an_error_when_the_blocks_change_format()
    {
        using var blocks = new Subject<AudioBlock>();
        Exception? error = null;
        using var subscription = blocks.Gather(TimeSpan.FromSeconds(1)).Subscribe(_ => { }, e => error = e);

        blocks.OnNext(new AudioBlock(MediaTime.Zero, new AudioFormat(16000, 1), new float[10]));
        blocks.OnNext(new AudioBlock(MediaTime.FromSeconds(1), new AudioFormat(44100, 1), new float[10]));

        Assert.Contains("changed format", Assert.IsType<InvalidOperationException>(error).Message);
    }
    [Fact]
    public void Ending_the_blocks_completes_the_stream_after_the_current_block_so_what_follows_can_finish()
    {
        using var end = new CancellationTokenSource();
        var blocks = new List<MediaTime>();
        var completed = false;

        new FakeSource(100, 1000, 30).Blocks(TimeSpan.FromSeconds(1), ImmediateScheduler.Instance, end.Token)
            .Subscribe(
                block =>
                {
                    blocks.Add(block.Start);
                    if (blocks.Count == 3)
                        end.Cancel();
                },
                () => completed = true);

        Assert.Equal([0.0, 1.0, 2.0], blocks.Select(t => t.Seconds));
        Assert.True(completed);
    }
}
