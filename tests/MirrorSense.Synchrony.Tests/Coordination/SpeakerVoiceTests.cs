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
            // (their pitch as the prosody measured it, relative to the speaker's median)
            var voice = SpeakerVoice.FromFrames(Participant.B, frames,
            [
                Unit(Participant.B, 0, 0.05, 1),
                Unit(Participant.B, 0.05, 0.15, 2),
                Unit(Participant.B, 0.25, 0.35, 3),
            ]);

            // Then each unit has its own mean on the 100 Hz scale, NaN without voiced frames, and keeps the rest
            Assert.Equal(Participant.B, voice.Speaker);
            Assert.Equal(frames, voice.Frames);
            Assert.Equal(0, voice.Units[0].MeanPitchSemitones, 12);
            Assert.Equal(12.0 * 6 / 11, voice.Units[1].MeanPitchSemitones, 12);
            Assert.True(double.IsNaN(voice.Units[2].MeanPitchSemitones));
            Assert.Equal(Unit(Participant.B, 0.05, 0.15, 2) with { MeanPitchSemitones = voice.Units[1].MeanPitchSemitones }, voice.Units[1]);
            Assert.Equal(20.0, voice.Units[1].SyllablesPerSecond, 9);
        }

        [Fact]
        public void Should_match_a_scan_of_all_frames_per_unit_on_a_long_random_voice()
        {
            // Given ten minutes of frames with random voicing and a unit every few seconds
            var random = new Random(7);
            var frames = Frames(60_000, _ => random.NextDouble() < 0.4 ? double.NaN : 80 + 200 * random.NextDouble());
            var units = new List<SpeechUnit>();
            for (var start = 0.0; start < 590; start += 2 + 4 * random.NextDouble())
                units.Add(Unit(Participant.A, start, start + 0.5 + random.NextDouble(), 4));

            // When built
            var voice = SpeakerVoice.FromFrames(Participant.A, frames, units);

            // Then every unit's pitch equals the plain definition, frame by frame
            for (var u = 0; u < units.Count; u++)
            {
                var inside = frames.Where(f => f.Time >= units[u].Start && f.Time <= units[u].End && !double.IsNaN(f.FrequencyHz)).ToList();
                var expected = inside.Count == 0 ? double.NaN : inside.Average(f => SpeakerVoice.Semitones(f.FrequencyHz));
                Assert.Equal(expected, voice.Units[u].MeanPitchSemitones, 9);
            }
        }

        [Fact]
        public void Should_refuse_frames_or_units_out_of_time_order_a_unit_ending_before_it_starts_and_a_unit_not_the_speakers()
        {
            var frames = Frames(10, _ => 100);
            ImmutableArray<ProsodyFrame> shuffled = [frames[1], frames[0]];

            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, shuffled, []));
            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, frames, [Unit(Participant.A, 0.05, 0.06, 1), Unit(Participant.A, 0.01, 0.02, 1)]));
            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, frames, [Unit(Participant.A, 0.05, 0.04, 1)]));
            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, frames, [Unit(Participant.B, 0.01, 0.02, 1)]));
            Assert.Throws<ArgumentException>(() => SpeakerVoice.FromFrames(Participant.A, frames, [Unit(null, 0.01, 0.02, 1)]));
        }
    }

    /// <summary>A unit as the prosody describes it: pitch re the speaker's median (here 3 st), intensity, syllables.</summary>
    private static SpeechUnit Unit(Participant? speaker, double start, double end, int syllables) =>
        new(speaker, MediaTime.FromSeconds(start), MediaTime.FromSeconds(end), 3, 60, syllables);

    /// <summary>Frames every 10 ms from 0 with the given f0 (NaN: unvoiced).</summary>
    private static ImmutableArray<ProsodyFrame> Frames(int count, Func<int, double> pitchHz) =>
        [.. Enumerable.Range(0, count).Select(i => new ProsodyFrame(MediaTime.FromSeconds(i / 100.0), pitchHz(i), 60))];
}
