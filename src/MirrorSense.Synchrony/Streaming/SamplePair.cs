using MirrorSense.Core;

namespace MirrorSense.Synchrony.Streaming;

/// <summary>A's and B's samples at one point of the common grid; NaN where a participant has none.</summary>
public readonly record struct SamplePair(long Index, MediaTime Time, double A, double B);
