namespace MirrorSense.Core;

/// <summary>
/// One sample of a scalar behavioural signal (motion energy, a posture angle, pitch in semitones...)
/// of one participant. A missing observation (nobody visible, unvoiced frame, NA in a file) is
/// <see cref="double.NaN"/>, never zero: absence is data.
/// </summary>
public readonly record struct SignalSample(MediaTime Time, Participant Participant, double Value)
{
    public bool IsMissing => double.IsNaN(Value);
}
