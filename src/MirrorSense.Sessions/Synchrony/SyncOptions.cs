using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Sessions.Synchrony;

/// <summary>Pre-processing before correlation, in rMEA's order: smoothing, then scaling.</summary>
public enum SmoothingMode
{
    /// <summary>rMEA's MEAsmooth, quirks included (fractional windows, zeros at the end).</summary>
    RMea,

    /// <summary>A proper centred moving average.</summary>
    Centred,
}

public enum SurrogateMethod
{
    None,
    Dyads,
    Segments,
}

/// <summary>Everything a <c>sync</c> run needs besides its files.</summary>
public sealed record SyncOptions(
    CrossCorrelationSettings Settings,
    Readers.ColumnSelection Columns,
    double? SmoothSeconds = null,
    SmoothingMode Smoothing = SmoothingMode.RMea,
    bool ScaleBySd = false,
    SurrogateMethod Surrogates = SurrogateMethod.None,
    double SegmentSeconds = 30,
    int? SurrogateCount = null,
    int Seed = 1,
    bool KeepRoles = false);
