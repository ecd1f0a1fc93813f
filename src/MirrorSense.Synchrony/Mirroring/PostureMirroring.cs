using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Surrogates;

namespace MirrorSense.Synchrony.Mirroring;

/// <summary>
/// Posture mirroring (MEASURES.md §3): each descriptor component of A against the matching component
/// of B's mirror image (left and right swapped, sideways signs flipped) and, for contrast, of B as is,
/// with the windowed lagged correlation of §1 (signed, Fisher z), averaged over components weighted by
/// how strongly each matches.
/// Significance comes from surrogates of B that move as B does (each component's trend and spectrum, the components'
/// spectra with each other) at times unrelated to A (<see cref="PhaseRandomisation"/>), the whole statistic
/// (component weights, mean over windows, maximum over lags) recomputed on each.
/// </summary>
public sealed class PostureMirroring(PostureMirroringOptions options)
{
    public PostureMirroringOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public PostureMirroringResult Compute(PostureSeries session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var settings = Settings(session);
        var correlator = new WindowCorrelator(settings);
        var mirrored = Rows(session, settings, mirrored: true, correlator);
        var anatomical = Rows(session, settings, mirrored: false, correlator);
        var windows = ImmutableArray.CreateBuilder<PostureMirroringWindow>(mirrored.Length);
        for (var w = 0; w < mirrored.Length; w++)
        {
            var (start, end) = settings.WindowTimes(w, origin: default);
            windows.Add(new PostureMirroringWindow(w, start, end, mirrored[w], anatomical[w]));
        }

        var mirroredProfile = Profile(mirrored, settings.LagCount);
        var anatomicalProfile = Profile(anatomical, settings.LagCount);
        var best = Statistics.ArgMaxOfPresent(mirroredProfile.AsSpan());
        var bestLag = best < 0 ? double.NaN : settings.LagSecondsAt(best);
        var value = best < 0 ? double.NaN : mirroredProfile[best];
        var (p, surrogateWindows, surrogates) = TestAgainstSurrogates(session, settings, value);
        return new PostureMirroringResult(
            value,
            Max(anatomicalProfile),
            bestLag,
            SurrogateTest.LeaderAt(bestLag),
            p,
            mirroredProfile,
            anatomicalProfile,
            windows.MoveToImmutable())
        {
            SurrogateWindowBests = surrogateWindows,
            Surrogates = surrogates,
            Settings = settings,
        };
    }

    private CrossCorrelationSettings Settings(PostureSeries session) =>
        new(session.SampleRate, Options.LagSeconds, Options.WindowSeconds, Options.IncrementSeconds, fisherZ: true, absolute: false);

    /// <summary>
    /// Per window and lag, the Fisher-z mean over the components that have a value, back to r, each component
    /// weighted by how strongly it matches at its best lag over the session (its window-averaged z, or 0 when it
    /// never matches). Components that carry no shared movement — a hand out of view, a joint that hardly
    /// moves — would otherwise flatten and shift the peak that the moving parts of the body agree on. The
    /// surrogates are weighted the same way, so the p-value accounts for the choice.
    /// </summary>
    private static ImmutableArray<double>[] Rows(PostureSeries session, CrossCorrelationSettings settings, bool mirrored, WindowCorrelator correlator)
    {
        var components = Enumerable.Range(0, session.Schema.Count)
            .Select(k => WindowedCrossCorrelation.Rows(session.Pair(k, mirrored), settings, correlator))
            .ToArray();
        var weights = components.Select(c => Strength(c, settings.LagCount)).ToArray();
        if (weights.All(w => w <= 0))
            Array.Fill(weights, 1.0);
        var rows = new ImmutableArray<double>[components[0].Length];
        for (var w = 0; w < rows.Length; w++)
        {
            var row = new double[settings.LagCount];
            for (var l = 0; l < row.Length; l++)
            {
                double sum = 0, weight = 0;
                for (var k = 0; k < components.Length; k++)
                {
                    var z = components[k][w][l];
                    if (double.IsNaN(z) || weights[k] <= 0)
                        continue;
                    sum += weights[k] * z;
                    weight += weights[k];
                }

                row[l] = weight > 0 ? Math.Tanh(sum / weight) : double.NaN;
            }

            rows[w] = ImmutableCollectionsMarshal.AsImmutableArray(row);
        }

        return rows;
    }

    /// <summary>A component's highest window-averaged z over lags, or 0 when it is never positive.</summary>
    private static double Strength(double[][] component, int lags)
    {
        var best = 0.0;
        var column = new double[component.Length];
        for (var l = 0; l < lags; l++)
        {
            for (var w = 0; w < column.Length; w++)
                column[w] = component[w][l];
            var mean = Statistics.MeanOfPresent(column);
            if (mean > best)
                best = mean;
        }

        return best;
    }

    /// <summary>Per lag, the Fisher-z mean over windows, back to r.</summary>
    private static ImmutableArray<double> Profile(IReadOnlyList<ImmutableArray<double>> rows, int lags)
    {
        var profile = new double[lags];
        var column = new double[rows.Count];
        for (var l = 0; l < lags; l++)
        {
            for (var w = 0; w < rows.Count; w++)
                column[w] = Math.Atanh(Math.Clamp(rows[w][l], -1 + 1e-15, 1 - 1e-15));
            profile[l] = Math.Tanh(Statistics.MeanOfPresent(column));
        }

        return [.. profile];
    }

    /// <summary>The p-value of the real similarity, and the surrogates' per-window best similarities.</summary>
    private (double PValue, ImmutableArray<double> WindowBests, int Surrogates) TestAgainstSurrogates(PostureSeries session, CrossCorrelationSettings settings, double real)
    {
        if (Options.Surrogates <= 0 || double.IsNaN(real))
            return (double.NaN, [], 0);
        // PLINQ pulls the surrogates in order from their one seeded generator (the same seed gives the same p) and
        // builds and measures them in parallel, holding only the ones in flight. Each surrogate's matrices are worked
        // out on its own thread: there are plenty of surrogates to keep every core busy.
        var tested = new PhaseRandomisation(Options.Seed).DrawInParallel(session.B, Options.Surrogates)
            .Select(drawn =>
            {
                var rows = Rows(session.WithSeries(session.A, drawn.Build()), settings, mirrored: true, new WindowCorrelator(settings));
                return (Best: Max(Profile(rows, settings.LagCount)), Windows: rows.Select(Max).ToArray());
            })
            .ToArray();
        return (SurrogateTest.PValue(real, [.. tested.Select(t => t.Best)]), [.. tested.SelectMany(t => t.Windows)], tested.Length);
    }

    private static double Max(ImmutableArray<double> values)
    {
        var best = Statistics.ArgMaxOfPresent(values.AsSpan());
        return best < 0 ? double.NaN : values[best];
    }
}
