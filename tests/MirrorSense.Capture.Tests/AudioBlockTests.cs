using MirrorSense.Core;

namespace MirrorSense.Capture.Tests;

public sealed class AudioBlockTests
{
    [Fact]
    public void One_channel_of_an_interleaved_block_is_every_frames_sample_of_that_channel()
    {
        var stereo = new AudioBlock(MediaTime.FromSeconds(2), new AudioFormat(16000, 2), new float[] { 1, -1, 2, -2, 3, -3 });

        Assert.Equal([1f, 2, 3], stereo.Channel(0));
        Assert.Equal([-1f, -2, -3], stereo.Channel(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => stereo.Channel(2));
    }

    [Fact]
    public void The_one_channel_of_a_mono_block_is_a_copy_of_its_samples()
    {
        var samples = new float[] { 0.5f, 0.25f };
        var mono = new AudioBlock(MediaTime.Zero, new AudioFormat(16000, 1), samples);

        var channel = mono.Channel(0);

        Assert.Equal(samples, channel);
        Assert.NotSame(samples, channel);
    }
}
