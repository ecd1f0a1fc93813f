using System.Collections.Immutable;

namespace MirrorSense.Synchrony.CrossCorrelation;

/// <summary>The whole window × lag matrix of one dyad with rMEA's session aggregates.</summary>
public sealed record CrossCorrelationResult
{
    public CrossCorrelationResult(string dyad, CrossCorrelationSettings settings, ImmutableArray<CrossCorrelationWindow> windows)
    {
        Dyad = dyad;
        Settings = settings;
        Windows = windows;
        Summary = SessionSummary.Of(windows);
    }

    public string Dyad { get; }
    public CrossCorrelationSettings Settings { get; }
    public ImmutableArray<CrossCorrelationWindow> Windows { get; }
    public SessionSummary Summary { get; }
}
