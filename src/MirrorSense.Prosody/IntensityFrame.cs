using MirrorSense.Core;

namespace MirrorSense.Prosody;

/// <summary>One intensity frame: the media time of the window centre and the level in dB re 2·10⁻⁵ Pa (samples taken as pascals).</summary>
public readonly record struct IntensityFrame(MediaTime Time, double Decibels);
