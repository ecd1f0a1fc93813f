namespace MirrorSense.Prosody.Tests;

/// <summary>How closely our pitch frames follow a Praat reference, frame by frame.</summary>
internal sealed record PitchParity(int Frames, double VoicingAgreement, int BothVoiced, double GrossErrorRate, double MedianAbsoluteDifferenceHz, double MaxAbsoluteDifferenceHz)
{
    public static PitchParity Compare(IReadOnlyList<PitchFrame> ours, PraatTable praat)
    {
        Assert.Equal(praat.Times.Length, ours.Count);
        var agree = 0;
        var differences = new List<double>();
        var gross = 0;
        for (var i = 0; i < ours.Count; i++)
        {
            Assert.True(Math.Abs(ours[i].Time.Seconds - praat.Times[i]) < 1e-6, $"frame {i}: {ours[i].Time} vs Praat {praat.Times[i]} s");
            var praatVoiced = !double.IsNaN(praat.Values[i]);
            if (praatVoiced == ours[i].IsVoiced)
                agree++;
            if (praatVoiced && ours[i].IsVoiced)
            {
                var difference = Math.Abs(ours[i].FrequencyHz - praat.Values[i]);
                differences.Add(difference);
                if (difference > 0.2 * praat.Values[i])
                    gross++;
            }
        }
        differences.Sort();
        var median = differences.Count == 0 ? double.NaN
            : differences.Count % 2 == 1 ? differences[differences.Count / 2]
            : 0.5 * (differences[differences.Count / 2 - 1] + differences[differences.Count / 2]);
        return new PitchParity(ours.Count, (double)agree / ours.Count, differences.Count,
            differences.Count == 0 ? 0 : (double)gross / differences.Count, median,
            differences.Count == 0 ? double.NaN : differences[^1]);
    }

    public override string ToString() =>
        $"{Frames} frames: voicing agreement {VoicingAgreement:P2}, {BothVoiced} both voiced, gross errors {GrossErrorRate:P2}, median |Δf0| {MedianAbsoluteDifferenceHz:0.000000} Hz, max |Δf0| {MaxAbsoluteDifferenceHz:0.000000} Hz";
}
