using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using MirrorSense.Capture;
using MirrorSense.Cli.Live;
using MirrorSense.Core;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Cli.Tests.Live;

public sealed class MicrophoneCaptureTests
{
    private const int Rate = 16000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_stereo_microphone_gives_each_voice_its_frames_and_units_on_the_session_clock()
    {
        // Given a stereo microphone that starts 2 s into the session and delivers in real time: A speaks twice on the
        // left, B once on the right, between A's two stretches
        var wall = new FakeTimeProvider();
        var clock = new SessionClock(wall);
        float[] left = [.. Tone(150, 1.0), .. Silence(2.0), .. Tone(170, 1.0), .. Silence(0.8)];
        float[] right = [.. Silence(1.3), .. Tone(110, 1.2), .. Silence(2.3)];
        using var source = new StereoSource(left, right, wall, startsAfter: TimeSpan.FromSeconds(2));
        using var microphone = new MicrophoneCapture(Stereo, source, clock, raw: null);
        var frames = microphone.Frames.ToList().ToTask();
        var units = microphone.Units.ToList().ToTask();

        // When it runs to the end of its stream
        microphone.Start();
        var (spoken, said) = (await frames.WaitAsync(Patience), await units.WaitAsync(Patience));

        // Then each participant's frames are the channel's own, placed 2 s on, and each voice's units are its own
        var voicedA = spoken.Where(f => f.Speaker == Participant.A && f.Frame.IsVoiced).ToList();
        var voicedB = spoken.Where(f => f.Speaker == Participant.B && f.Frame.IsVoiced).ToList();
        Assert.InRange(voicedA.Average(f => f.Frame.FrequencyHz), 150, 170);
        Assert.InRange(voicedB.Average(f => f.Frame.FrequencyHz), 105, 115);
        Assert.InRange(voicedA.Min(f => f.Time.Seconds), 2.0, 2.15);
        Assert.InRange(voicedB.Min(f => f.Time.Seconds), 3.3, 3.45);
        Assert.Equal(2, said.Count(u => u.Speaker == Participant.A));
        Assert.Equal(1, said.Count(u => u.Speaker == Participant.B));
        Assert.InRange(said.Single(u => u.Speaker == Participant.B).Start.Seconds, 3.2, 3.5);
        foreach (var who in (Participant[])[Participant.A, Participant.B])
        {
            var times = spoken.Where(f => f.Speaker == who).Select(f => f.Time.Microseconds).ToList();
            Assert.True(times.SequenceEqual(times.Order()) && times.Distinct().Count() == times.Count, $"{who}'s frames are not in strict time order");
        }

        Assert.Equal(2.0, microphone.SessionOffset!.Value.TotalSeconds, 3);
        Assert.Equal("the microphone stream ended", microphone.Problem);
    }

    [Fact]
    public async Task Stopping_a_microphone_while_someone_speaks_still_delivers_the_unit_in_progress()
    {
        var wall = new FakeTimeProvider();
        float[] speech = [.. Silence(0.5), .. Tone(150, 0.5)];
        using var source = new StereoSource(speech, speech, wall, startsAfter: TimeSpan.Zero, then: Tone(150, 0.05));
        using var microphone = new MicrophoneCapture(Mono, source, new SessionClock(wall), raw: null);
        var units = microphone.Units.ToList().ToTask();
        var talking = microphone.Frames.Where(f => f.Time.Seconds > 3).FirstAsync().ToTask();

        microphone.Start();
        await talking.WaitAsync(Patience);
        Assert.True(microphone.Stop());
        var said = await units.WaitAsync(Patience);

        var unit = Assert.Single(said);
        Assert.Equal(Participant.A, unit.Speaker);
        Assert.InRange(unit.Start.Seconds, 0.45, 0.6);
        Assert.True(unit.End.Seconds > 3, $"the unit ends at {unit.End}");
        Assert.Null(microphone.Problem);
    }

    [Fact]
    public async Task A_microphone_that_fails_ends_its_streams_and_says_why()
    {
        var wall = new FakeTimeProvider();
        using var source = new StereoSource(Tone(150, 1.0), Tone(150, 1.0), wall, startsAfter: TimeSpan.Zero, failAtEnd: true);
        using var microphone = new MicrophoneCapture(Mono, source, new SessionClock(wall), raw: null);
        var frames = microphone.Frames.ToList().ToTask();

        microphone.Start();
        var spoken = await frames.WaitAsync(Patience);

        Assert.NotEmpty(spoken);
        Assert.Contains("unplugged", microphone.Problem);
        Assert.False(microphone.Live);
    }

    private static MicrophoneInput Stereo => new("fake", [(Participant.A, 0), (Participant.B, 1)], 2);

    private static MicrophoneInput Mono => new("fake", [(Participant.A, 0)], 2);

    private static float[] Tone(double hz, double seconds) =>
        [.. Enumerable.Range(0, (int)(seconds * Rate)).Select(i => (float)(0.4 * Math.Sin(2 * Math.PI * hz * i / Rate)))];

    private static float[] Silence(double seconds) => new float[(int)(seconds * Rate)];

    /// <summary>
    /// A stereo device that hands out its two channels in reads of 50 ms and moves the wall clock on by what it
    /// delivered, as a real microphone does; after the signal it ends, fails, or repeats <c>then</c> for ever.
    /// </summary>
    private sealed class StereoSource(float[] left, float[] right, FakeTimeProvider wall, TimeSpan startsAfter, float[]? then = null, bool failAtEnd = false) : IAudioSource
    {
        private int _frame;
        private bool _started;

        public string Name => "fake stereo";

        public AudioFormat Format { get; } = new(Rate, 2);

        public int Read(Span<float> into)
        {
            if (!_started)
            {
                wall.Advance(startsAfter);
                _started = true;
            }

            var count = Math.Min(into.Length / 2, Rate / 20);
            if (_frame >= left.Length && then is null)
                return failAtEnd ? throw new AudioSourceException(Name, "the device was unplugged.") : 0;
            for (var i = 0; i < count; i++, _frame++)
            {
                var (l, r) = _frame < left.Length ? (left[_frame], right[_frame]) : (then![(_frame - left.Length) % then.Length], 0f);
                (into[2 * i], into[2 * i + 1]) = (l, r);
            }

            wall.Advance(TimeSpan.FromSeconds((double)count / Rate));
            return 2 * count;
        }

        public void Dispose()
        {
        }
    }
}
