namespace MirrorSense.Prosody.Tests;

public sealed class SignalSummaryTests
{
    public sealed class ThePeak
    {
        [Theory]
        [InlineData(1, 0.3f)]
        [InlineData(37, 0.0f)]
        [InlineData(16_001, 0.25f)]
        public void Should_equal_the_whole_signals_largest_deviation_from_its_mean_however_it_was_fed(int length, float offset)
        {
            // Given a signal with a DC offset, fed to the summary in uneven blocks
            var random = new Random(length);
            var samples = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5) + offset).ToArray();
            var summary = new SignalSummary();
            for (var at = 0; at < length; at += 999)
                summary.Add(samples.AsSpan(at, Math.Min(999, length - at)));

            // When its peak is read, Then it is Praat's global peak of the whole signal
            Assert.Equal(length, summary.SampleCount);
            Assert.Equal(PeakReference.OfWholeSignal(samples).FixedPeak!.Value, summary.Peak.FixedPeak!.Value, 1e-12);
            Assert.False(summary.IsDigitalSilence);
        }

        [Fact]
        public void Should_call_a_signal_of_zeros_digital_silence()
        {
            // Given 20,000 zero samples, When summarised, Then the recording is digital silence with peak 0
            var summary = new SignalSummary();
            summary.Add(new float[20_000]);
            Assert.True(summary.IsDigitalSilence);
            Assert.Equal(0.0, summary.Peak.FixedPeak);
        }
    }
}
