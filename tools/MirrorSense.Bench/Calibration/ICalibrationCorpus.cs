namespace MirrorSense.Bench.Calibration;

/// <summary>What a calibration run asks of every corpus.</summary>
/// <param name="SessionsPerKind">Sessions built for each kind of null and effect.</param>
/// <param name="Seed">First seed; session k of a kind uses a seed derived from it, so a run is reproducible.</param>
/// <param name="WorkFolder">Scratch folder the corpus may fill (media, caches); deleted by the caller.</param>
/// <param name="VoiceNullSeconds">The voice corpus's null sessions last between these (null: its own 60–600 s).</param>
/// <param name="Kinds">Only kinds whose name contains one of these run (null: every kind).</param>
/// <param name="VoiceEffectSeconds">The voice corpus's designed effects last this long (null: its own 3 minutes).</param>
public sealed record CalibrationPlan(int SessionsPerKind, int Seed, string WorkFolder, (double Shortest, double Longest)? VoiceNullSeconds = null, IReadOnlyList<string>? Kinds = null, double? VoiceEffectSeconds = null)
{
    /// <summary>Whether the kind named <paramref name="kind"/> is to run.</summary>
    public bool Includes(string kind) => Kinds is null || Kinds.Any(k => kind.Contains(k, StringComparison.Ordinal));
}

/// <summary>
/// A family of designed sessions (body, voice, …): builds its nulls and effects, runs the product's measures
/// on them exactly as <c>mirrorsense analyze</c> does, and reports one outcome per session and measure.
/// </summary>
public interface ICalibrationCorpus
{
    /// <summary>Short name used by <c>--only</c>.</summary>
    string Name { get; }

    IEnumerable<CalibrationOutcome> Run(CalibrationPlan plan, TextWriter progress, CancellationToken cancellation);
}
