using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Mirroring;

/// <summary>
/// The aspects of a posture: each component together with its mirror (left and right arm elevation are one aspect,
/// sideways lean is one by itself). An aspect's similarity in a window at a lag is the mean Fisher z of its components
/// against B's mirror image (or B as is), so both sides of a body count once between them.
/// </summary>
internal sealed class PostureAspects
{
    private readonly int[][] _members;

    public PostureAspects(PostureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _members = [.. Enumerable.Range(0, schema.Count)
            .Where(k => schema.MirrorIndex[k] >= k)
            .Select(k => schema.MirrorIndex[k] == k ? new[] { k } : [k, schema.MirrorIndex[k]])];
        Names = [.. _members.Select(m => m.Length == 1 ? schema.Components[m[0]].Name : Sideless(schema.Components[m[0]].Name))];
    }

    public int Count => _members.Length;

    /// <summary>Each aspect by its component's name, a left-and-right pair without the side (<c>upper_arm_elevation</c>).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Per aspect, window and lag, the mean z of the aspect's components that have a value (NaN when none has), for the
    /// given <paramref name="windows"/> only (a rotated surrogate's <see cref="Kept"/> ones) or for all of them.
    /// </summary>
    public double[][][] Similarities(PostureSeries session, CrossCorrelationSettings settings, bool mirrored, WindowCorrelator correlator, int[]? windows = null)
    {
        var components = new double[session.Schema.Count][][];
        for (var k = 0; k < components.Length; k++)
            components[k] = WindowedCrossCorrelation.Rows(session.Pair(k, mirrored), settings, correlator);
        windows ??= [.. Enumerable.Range(0, components[0].Length)];
        var aspects = new double[Count][][];
        for (var g = 0; g < Count; g++)
        {
            aspects[g] = new double[windows.Length][];
            for (var i = 0; i < windows.Length; i++)
            {
                var row = new double[settings.LagCount];
                for (var l = 0; l < row.Length; l++)
                {
                    double sum = 0;
                    var present = 0;
                    foreach (var k in _members[g])
                    {
                        var z = components[k][windows[i]][l];
                        if (double.IsNaN(z))
                            continue;
                        sum += z;
                        present++;
                    }

                    row[l] = present > 0 ? sum / present : double.NaN;
                }

                aspects[g][i] = row;
            }
        }

        return aspects;
    }

    private static string Sideless(string name)
    {
        foreach (var side in (string[])["_left", "_right"])
        {
            if (name.EndsWith(side, StringComparison.Ordinal))
                return name[..^side.Length];
        }

        return name;
    }

    /// <summary>The windows of <paramref name="count"/> that a rotation with its seam at <paramref name="seam"/> keeps (<see cref="CircularShifts.WithoutSeam"/>).</summary>
    public static int[] Kept(int count, CrossCorrelationSettings settings, int seam) =>
        [.. Enumerable.Range(0, count).Where(w => !CircularShifts.SpansSeam(w, settings, seam))];
}
