namespace MirrorSense.Synchrony.Features;

/// <summary>The body regions motion energy is measured in (MEASURES.md §2), by BlazePose landmark.</summary>
public enum BodyRegion
{
    /// <summary>Nose, eyes, ears and mouth (landmarks 0–10).</summary>
    Head,

    /// <summary>Elbows, wrists and hands (13–22): the gesturing parts; the shoulders belong to the torso.</summary>
    Arms,

    /// <summary>Shoulders and hips (11, 12, 23, 24).</summary>
    Torso,

    /// <summary>Every landmark, legs included where they are visible.</summary>
    Body,
}

internal static class BodyRegions
{
    public static readonly BodyRegion[] All = [BodyRegion.Head, BodyRegion.Arms, BodyRegion.Torso, BodyRegion.Body];

    public static bool Contains(BodyRegion region, int landmark) => region switch
    {
        BodyRegion.Head => landmark <= 10,
        BodyRegion.Arms => landmark is >= 13 and <= 22,
        BodyRegion.Torso => landmark is 11 or 12 or 23 or 24,
        _ => true,
    };
}
