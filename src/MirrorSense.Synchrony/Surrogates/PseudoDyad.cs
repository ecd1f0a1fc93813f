using MirrorSense.Core;

namespace MirrorSense.Synchrony.Surrogates;

/// <summary>
/// A surrogate dyad: two signals that never interacted (or whose time structure was destroyed), used
/// as the chance baseline for synchrony. <see cref="SourceA"/>/<see cref="SourceB"/> say where each series came from.
/// </summary>
public sealed record PseudoDyad(DyadSeries Series, SignalSource SourceA, SignalSource SourceB);

/// <summary>One participant's series of one real dyad.</summary>
public readonly record struct SignalSource(string Dyad, Participant Participant)
{
    public override string ToString() => $"{Dyad}:{Participant}";
}
