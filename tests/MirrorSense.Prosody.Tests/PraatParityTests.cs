using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.Prosody.Tests;

public sealed class PraatParityTests(PraatReferences praat, ITestOutputHelper output) : IClassFixture<PraatReferences>
{
    [SkippableFact]
    public void Pitch_of_test_A_follows_the_committed_Praat_6_3_07_frames()
    {
        // Given Praat's "To Pitch: 0, 75, 600" frames for test-A, shipped with the reference data
        var wav = WavFile.Read(ReferenceData.Require("speech", "test-A.wav"));
        var reference = PraatTable.Read(ReferenceData.Require("speech", "test-A.praat-pitch.tsv"));

        // When we analyse the same sound with the default options
        var frames = PitchAnalysis.Analyze(wav.Samples, wav.SampleRate);

        // Then the frames sit at Praat's times and agree on voicing and f0
        AssertPitchParity(PitchParity.Compare(frames, reference));
    }

    [SkippableTheory]
    [InlineData("test-A.wav")]
    [InlineData("test-B.wav")]
    public void Pitch_follows_the_installed_Praat(string file)
    {
        // Given the frames the installed praat computes for a real speaker's channel
        var path = ReferenceData.Require("speech", file);
        var (reference, _) = praat.For(path);
        var wav = WavFile.Read(path);

        // When we analyse it
        var frames = PitchAnalysis.Analyze(wav.Samples, wav.SampleRate);

        // Then voicing and f0 agree frame by frame
        AssertPitchParity(PitchParity.Compare(frames, reference));
    }

    [SkippableTheory]
    [InlineData("test-A.wav")]
    [InlineData("test-B.wav")]
    public void Intensity_is_within_half_a_decibel_of_the_installed_Praat(string file)
    {
        // Given Praat's "To Intensity: 100, 0, yes" frames
        var path = ReferenceData.Require("speech", file);
        var (_, reference) = praat.For(path);
        var wav = WavFile.Read(path);

        // When we compute the intensity contour
        var frames = IntensityAnalysis.Analyze(wav.Samples, wav.SampleRate);

        // Then every frame sits at Praat's time and level
        Assert.Equal(reference.Times.Length, frames.Length);
        var differences = new double[frames.Length];
        for (var i = 0; i < frames.Length; i++)
        {
            Assert.True(Math.Abs(frames[i].Time.Seconds - reference.Times[i]) < 1e-6, $"frame {i}: {frames[i].Time} vs {reference.Times[i]} s");
            differences[i] = Math.Abs(frames[i].Decibels - reference.Values[i]);
        }
        output.WriteLine($"{file}: {frames.Length} frames, max |ΔdB| {differences.Max():0.000000}, mean |ΔdB| {differences.Average():0.000000}");
        Assert.True(differences.Max() <= 0.5, $"max |ΔdB| = {differences.Max()}");
    }

    private void AssertPitchParity(PitchParity parity)
    {
        output.WriteLine(parity.ToString());
        Assert.True(parity.VoicingAgreement >= 0.95, parity.ToString());
        Assert.True(parity.GrossErrorRate <= 0.01, parity.ToString());
        Assert.True(parity.MedianAbsoluteDifferenceHz <= 1.0, parity.ToString());
    }
}
