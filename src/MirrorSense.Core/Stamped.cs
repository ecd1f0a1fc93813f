namespace MirrorSense.Core;

/// <summary>An immutable value with the media time it belongs to: the packet of every stream in the graph.</summary>
public readonly record struct Stamped<T>(MediaTime Time, T Value);

public static class Stamped
{
    public static Stamped<T> At<T>(MediaTime time, T value) => new(time, value);
}
