using System.Globalization;

namespace MirrorSense.Prosody.Tests;

/// <summary>A two-column table written by Praat: time (s) and a value, "--undefined--" meaning no value.</summary>
public sealed record PraatTable(double[] Times, double[] Values)
{
    public static PraatTable Read(string path)
    {
        var times = new List<double>();
        var values = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var parts = line.Split('\t');
            times.Add(double.Parse(parts[0], CultureInfo.InvariantCulture));
            values.Add(parts[1].Trim() == "--undefined--" ? double.NaN : double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        return new PraatTable([.. times], [.. values]);
    }
}
