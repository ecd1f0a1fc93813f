using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Testing;

namespace MirrorSense.Synchrony.Tests;

internal static class ReferenceDyads
{
    public static DyadSeries Load(string group, string id)
    {
        var lines = File.ReadAllLines(ReferenceData.Require("rmea", group, id + ".txt")).Skip(1).Where(l => l.Length > 0).ToArray();
        var a = new double[lines.Length];
        var b = new double[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            a[i] = double.Parse(cells[0], CultureInfo.InvariantCulture);
            b[i] = double.Parse(cells[1], CultureInfo.InvariantCulture);
        }

        return DyadSeries.FromArrays(id, 25, a, b);
    }
}
