using System.Globalization;

namespace MirrorSense.Sessions.Synchrony;

/// <summary>How numbers go into CSV: invariant culture, round-trip precision, an empty cell for missing.</summary>
internal static class CsvCells
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes a text cell only when it needs it (RFC 4180).</summary>
    public static string Text(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
