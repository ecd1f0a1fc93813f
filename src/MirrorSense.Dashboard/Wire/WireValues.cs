using System.Text.Json;

namespace MirrorSense.Dashboard.Wire;

/// <summary>How domain values look in the page's JSON: NaN becomes null (JSON has no NaN), enums snake_case.</summary>
internal static class WireValues
{
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
