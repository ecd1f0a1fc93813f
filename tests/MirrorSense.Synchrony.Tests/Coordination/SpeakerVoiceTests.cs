using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Synchrony.Tests.Coordination;

public sealed class SpeakerVoiceTests
{
    public sealed class FromFrames
    {
        [Fact]
        public void Should_give_each_unit_the_mean_semitones_of_its_voiced_frames_with_both_ends_included()
        {
            // Given frames every 10 ms: 100 Hz (0 st) up to 0.1 s, 200 Hz (12 st) from 0.1 s to 0.2 s, unvoiced after
            var frames = Frames(40, i => i < 10 ? 100 : i <= 20 ? 200 : double.NaN);

            // When units cover 0–0.05 s, 0.05–0.15 s (5 frames at 0 st, 6 at 12 st) and 0.25–0.35 s (unvoiced)
            var voice = SpeakerVoice.FromFrames(Participant.B, frames,
            [
                new(At(0), At(0.05), 4),
                new(At(0.05), At(0.15), 5),
                new(At(0.25), At(0.35), 6),
            ]);

            // Then each unit has its own mean on the 100 Hz scale, NaN without voiced frames, and keeps its span and rate
            Assert.Equal(Participant.B, voice.Speaker);
            Assert.Equal(frames, voice.Frames);
            Assert.Equal(0, voice.Units[0].PitchSemitones, 12);
            Assert.Equal(12.0 * 6 / 11, voice.Units[1].PitchSemitones, 12);
            Assert.True(double.IsNaN(voice.Units[2].PitchSemitones));
            Assert.Equal([(At(0.05), At(0.15), 5.0)], voice.Units.Skip(1).Take(1).Select(u => (u.Start, u.End, u.SyllablesPerSecond)));
        }

        [Fact]
        public void Should_match_a_scan_of_all_frames_per_unit_on_a_long_random_voice()
        {
            // Given ten minutes of frames with random voicing and a unit every few seconds
            var random = new Random(7);
            var frames = Frames(60_000, _ => random.NextDouble() < 0.4 ? double.NaN : 80 + 200 * random.NextDouble());
            var units = new List<VoiceUnitSpan>();
            for (var start = 0.0; start < 590; start += 2 + 4 * random.NextDouble())
                units.Add(new(At(start), At(start + 0.5 + random.NextDouble()), 4));

            // When built
            var voice = SpeakerVoice.FromFrames(Participant.A, frames, units);

            // Then every unit's pitch equals the plain definition, frame by frame
            for (var u = 0; u < units.Count; u++)
            {
                var inside = frames.Where(f => f.Time >= units[u].Start && f.Time <= units[u].End && !double.IsNaN(f.PitchHz)).ToList();
                var expected = inside.Count == 0 ? double.NaN : inside.Average(f => SpeakerVoice.Semitones(f.PitchHz));
                Assert.Equal(expected, voice.Units[u].PitchSemitones, 9);
            }
        }

        [Fact]
        public void Should_refuse_frames_or_units_out_of_time_order_and_a_unit_ending_before_it_starts()
        {
            var frames = Frames(10, _ => 100);
            ImmutableArray<VoiceFrame> shuffled = [frames[1], frames[0]];

            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, shuffled, []));
            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, frames, [new(At(0.05), At(0.06), 1), new(At(0.01), At(0.02), 1)]));
            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, frames, [new(At(0.05), At(0.04), 1)]));
        }
    }

    private static MediaTime At(double seconds) => MediaTime.FromSeconds(seconds);

    /// <summary>Frames every 10 ms from 0 with the given f0 (NaN: unvoiced).</summary>
    private static ImmutableArray<VoiceFrame> Frames(int count, Func<int, double> pitchHz) =>
        [.. Enumerable.Range(0, count).Select(i => new VoiceFrame(MediaTime.FromSeconds(i / 100.0), pitchHz(i), 60))];
}
