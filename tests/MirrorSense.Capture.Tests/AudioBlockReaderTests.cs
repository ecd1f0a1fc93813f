using MirrorSense.Core;

namespace MirrorSense.Capture.Tests;

public static class AudioBlockReaderTests
{
    public sealed class ReadBlocks
    {
        [Fact]
        public void Should_stamp_each_block_with_the_time_of_its_first_sample_from_the_sample_count()
        {
            // Given a source that returns odd-sized reads (as a pipe or device would)
            using var source = new FakeSource(sampleRate: 16000, total: 16000 + 500, readSize: 333);

            // When it is cut into 100 ms blocks starting at 2 s
            var blocks = source.ReadBlocks(TimeSpan.FromMilliseconds(100), MediaTime.FromSeconds(2)).ToList();

            // Then blocks are full (1600 samples) except the last, and block k starts at 2 s + k · 100 ms exactly
            Assert.Equal(11, blocks.Count);
            Assert.All(blocks.SkipLast(1), b => Assert.Equal(1600, b.FrameCount));
            Assert.Equal(500, blocks[^1].FrameCount);
            for (var k = 0; k < blocks.Count; k++)
                Assert.Equal(MediaTime.FromSeconds(2 + 0.1 * k), blocks[k].Start);
            // and the samples are the ramp, in order, none lost
            Assert.Equal(Enumerable.Range(0, 16500).Select(i => (float)i), blocks.SelectMany(b => b.Samples.ToArray()));
        }

        [Fact]
        public void Should_deliver_what_was_read_before_a_fault_and_then_raise_it()
        {
            // Given a device that delivers 250 ms and is then unplugged
            using var source = new FakeSource(sampleRate: 8000, total: 2000, readSize: 100, failAtEnd: true);
            var received = new List<AudioBlock>();

            // When its blocks are read
            var error = Assert.Throws<AudioSourceException>(() =>
            {
                foreach (var block in source.ReadBlocks(TimeSpan.FromMilliseconds(100)))
                    received.Add(block);
            });

            // Then all 2000 samples arrived (the last, partial block included) and the fault names the device
            Assert.Equal(2000, received.Sum(b => b.FrameCount));
            Assert.Equal(MediaTime.FromSeconds(0.2), received[^1].Start);
            Assert.Contains("fake:device", error.Message);
            Assert.Contains("unplugged", error.Message);
        }

        [Fact]
        public void Should_end_cleanly_on_an_empty_source()
        {
            using var source = new FakeSource(sampleRate: 8000, total: 0, readSize: 100);

            Assert.Empty(source.ReadBlocks(TimeSpan.FromMilliseconds(100)));
        }
    }
}
