using System.Globalization;
using MirrorSense.Core;

namespace MirrorSense.Sessions.Features;

/// <summary>
/// A dyad's series as a Motion Energy Analysis text file for the R package rMEA: a header line <c>A B</c>, then one
/// line per grid point with A's and B's values separated by a space, <c>NA</c> where a value is missing. rMEA reads it
/// with <c>readMEA(path, s1Col = 1, s2Col = 2, sampRate = FPS, skip = 1, idOrder = NA)</c> (its <c>read.table</c>
/// splits on whitespace and takes <c>NA</c> for missing), <c>mirrorsense sync</c> with
/// <see cref="Readers.RmeaTextReader"/>. Values are written at round-trip precision, so both read back the very
/// numbers the measures used.
/// </summary>
public static class MeaText
{
    /// <summary>analyze's file of each person's <c>pixel_motion</c>.</summary>
    public const string FileName = "session_MEA.txt";

    public const string Header = "A B";

    public static void Write(TextWriter writer, DyadSeries series)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(series);
        writer.Write(Header + "\n");
        for (var i = 0; i < series.Length; i++)
        {
            writer.Write(Number(series.A[i]));
            writer.Write(' ');
            writer.Write(Number(series.B[i]));
            writer.Write('\n');
        }
    }

    private static string Number(double value) =>
        double.IsNaN(value) ? "NA" : value.ToString("R", CultureInfo.InvariantCulture);
}
