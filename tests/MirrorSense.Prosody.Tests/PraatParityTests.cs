using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.Prosody.Tests;

public sealed class PraatParityTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Pitch_of_test_A_follows_Praat_6_3_07()
    {
        // Given Praat's "To Pitch: 0, 75, 600" frames for test-A
        var wav = WavFile.Read(ReferenceData.Require("speech", "test-A.wav"));
        var praat = PraatTable.Read(ReferenceData.Require("speech", "test-A.praat-pitch.tsv"));

        // When we analyse the same sound with the default options
        var frames = PitchAnalysis.Analyze(wav.Samples, wav.SampleRate);

        // Then the frames sit at Praat's times and agree on voicing and f0
        var parity = PitchParity.Compare(frames, praat);
        output.WriteLine(parity.ToString());
        Assert.True(parity.VoicingAgreement >= 0.95, parity.ToString());
        Assert.True(parity.GrossErrorRate <= 0.01, parity.ToString());
        Assert.True(parity.MedianAbsoluteDifferenceHz <= 1.0, parity.ToString());
    }
}
