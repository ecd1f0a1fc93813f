using System.Globalization;

namespace MirrorSense.Sessions.Readers;

/// <summary>What a cell's raw text means: a header name, a number, or a missing value.</summary>
internal static class CellText
{
    private const int ShownLength = 40;

    /// <summary>The cell without padding and without one pair of surrounding quotes.</summary>
    public static ReadOnlySpan<char> Content(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim(" \t");
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }

    /// <summary>A header name: unquoted, with doubled quotes undone.</summary>
    public static string Name(ReadOnlySpan<char> cell)
    {
        var content = Content(cell);
        return content.Contains('"') ? content.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : content.ToString();
    }

    /// <summary>
    /// Parses a value with the invariant culture; empty, <c>NA</c> (R) and <c>NaN</c> are missing and
    /// give NaN. Infinities are refused: no synchrony measure can use them.
    /// </summary>
    public static bool TryParseValue(ReadOnlySpan<char> cell, out double value)
    {
        var content = Content(cell);
        if (content.IsEmpty || content is "NA" || content is "NaN")
        {
            value = double.NaN;
            return true;
        }
        if (TryParseSmallInteger(content, out value))
            return true;
        return double.TryParse(content, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);
    }

    // Motion-energy files are integer pixel counts, and the general double parser costs several
    // times more than this loop; up to 15 digits every integer is exact in a double.
    private static bool TryParseSmallInteger(ReadOnlySpan<char> text, out double value)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        long number = 0;
        if (digits.IsEmpty || digits.Length > 15)
        {
            value = 0;
            return false;
        }
        foreach (var c in digits)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                value = 0;
                return false;
            }
            number = number * 10 + digit;
        }
        value = negative ? -number : number;
        return true;
    }

    /// <summary>The cell as shown in an error message: quoted, and cut short so one bad line cannot flood the terminal.</summary>
    public static string Show(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim(" \t");
        return trimmed.Length <= ShownLength
            ? $"\"{trimmed}\""
            : $"\"{trimmed[..ShownLength]}…\" ({trimmed.Length} characters)";
    }
}
