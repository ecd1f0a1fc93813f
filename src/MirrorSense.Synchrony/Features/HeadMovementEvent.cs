using MirrorSense.Core;

namespace MirrorSense.Synchrony.Features;

/// <summary>Which way the head oscillates: a nod is vertical, a shake horizontal.</summary>
public enum HeadMovementKind
{
    Nod,
    Shake,
}

/// <summary>What a nod or shake was read from, which gives its amplitude's unit.</summary>
public enum HeadSignal
{
    /// <summary>The nose point's place relative to the shoulders (shoulder widths): the body pose alone.</summary>
    NosePosition,

    /// <summary>The head's pitch (nods) and yaw (shakes) in degrees: the face mesh, or OpenFace.</summary>
    HeadAngles,
}

/// <summary>
/// A head nod or shake (MEASURES.md §2): from the first to the last turning point of the oscillation.
/// </summary>
/// <param name="Cycles">Full cycles, in halves (three turning points make one cycle).</param>
/// <param name="Amplitude">Mean half swing between consecutive turning points, in the units of <see cref="From"/>: shoulder widths of head position, degrees of head angle.</param>
public sealed record HeadMovementEvent(MediaTime Start, MediaTime End, Participant Participant, HeadMovementKind Kind, double Cycles, double Amplitude)
{
    public TimeSpan Duration => End - Start;

    public HeadSignal From { get; init; } = HeadSignal.NosePosition;
}

/// <summary>What counts as a nod or shake, with the defaults MirrorSense documents.</summary>
/// <param name="MinimumCycleSeconds">Shortest cycle (MEASURES.md §2: 0.3 s).</param>
/// <param name="MaximumCycleSeconds">Longest cycle (1.5 s); slower sway is posture, not a nod.</param>
/// <param name="MinimumSwing">
/// Smallest swing between turning points, in shoulder widths: a few centimetres of nose travel. Landmark
/// jitter stays under it, so noise does not turn into nods; at 0.05 a still head's jitter in a constructed dyad made a
/// one-cycle "shake" of 0.064 on some CPUs (the pose model's numbers differ slightly between instruction sets).
/// </param>
/// <param name="MinimumCycles">Fewest full cycles in an event (one: down and back up).</param>
public sealed record HeadMovementOptions(
    double MinimumCycleSeconds = 0.3,
    double MaximumCycleSeconds = 1.5,
    double MinimumSwing = 0.07,
    double MinimumCycles = 1)
{
    public static HeadMovementOptions Default { get; } = new();

    /// <summary>The signal the options are meant for, given to the events found (<see cref="MinimumSwing"/> is in its units).</summary>
    public HeadSignal Signal { get; init; } = HeadSignal.NosePosition;

    internal void Validate()
    {
        if (!(MinimumCycleSeconds > 0) || !(MaximumCycleSeconds > MinimumCycleSeconds) || double.IsInfinity(MaximumCycleSeconds))
            throw new ArgumentOutOfRangeException(nameof(MinimumCycleSeconds), $"Cycle lengths must satisfy 0 < minimum ({MinimumCycleSeconds}) < maximum ({MaximumCycleSeconds}).");
        if (!(MinimumSwing > 0) || double.IsInfinity(MinimumSwing))
            throw new ArgumentOutOfRangeException(nameof(MinimumSwing), MinimumSwing, "The smallest swing must be a positive number (shoulder widths, or degrees for head angles).");
        if (!(MinimumCycles >= 0.5) || double.IsInfinity(MinimumCycles))
            throw new ArgumentOutOfRangeException(nameof(MinimumCycles), MinimumCycles, "An event needs at least half a cycle.");
    }
}
