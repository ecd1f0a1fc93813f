using MirrorSense.Core;
using MirrorSense.Synchrony.CrossCorrelation;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Coordination;

/// <summary>Every parameter of the coordination measures, with the documented defaults.</summary>
public sealed record CoordinationSettings
{
    public PostureMirroringOptions Posture { get; init; } = new(WindowSeconds: 20, IncrementSeconds: 5);
    public double PostureEpisodeSeconds { get; init; } = 30;
    public GestureSynchronyOptions Gesture { get; init; } = new();

    /// <summary>
    /// The motion energy gesture synchrony correlates: <c>pixel_motion</c> (changed pixels in each person's region,
    /// as Motion Energy Analysis and rMEA studies measure it), or a landmark region: <c>motion_body</c>,
    /// <c>motion_arms</c>, <c>motion_head</c>, <c>motion_torso</c>.
    /// </summary>
    public string GestureFeature { get; init; } = "pixel_motion";
    public VoiceContourOptions Tone { get; init; } = new();
    /// <summary>
    /// Volume's contours and units lose their course slower than 60 s, as tone's. It was 30 s while the course of a
    /// speaker's turns was fitted through those within the span alone; since it takes at least three either side
    /// (<see cref="Conversation.UnitEntrainment.FewestNeighboursEachSide"/>), 60 s found B answering A's loudness as
    /// often (65 of 100 sessions against 65) and passed independent speakers less often (30 of 556 against 33).
    /// </summary>
    public VoiceContourOptions Volume { get; init; } = new();
    public SmileMimicryOptions Smile { get; init; } = new();
    public MutualGazeOptions Gaze { get; init; } = new();
    public NodReciprocityOptions Nods { get; init; } = new();
    public ProximityOptions Proximity { get; init; } = new();
    public int TempoPermutations { get; init; } = 2000;
    public int Seed { get; init; } = 1;

    /// <summary>The same settings with every measure's surrogates and permutations seeded from <paramref name="seed"/>.</summary>
    public CoordinationSettings WithSeed(int seed) => this with
    {
        Posture = Posture with { Seed = seed },
        Gesture = Gesture with { Seed = seed },
        Tone = Tone with { Seed = seed },
        Volume = Volume with { Seed = seed },
        Smile = Smile with { Seed = seed },
        Gaze = Gaze with { Seed = seed },
        Nods = Nods with { Seed = seed },
        Proximity = Proximity with { Seed = seed },
        Seed = seed,
    };
}

/// <summary>The signals of one session on media time, as far as they were available.</summary>
/// <param name="Origin">Media time of the first sample of the body series (the session start).</param>
/// <param name="Posture">Posture descriptors of A and B on one grid, or null without video.</param>
/// <param name="MotionEnergy">Whole-body motion energy of A and B on the same grid, or null without video.</param>
/// <param name="VoiceA">A's prosody, or null without audio.</param>
/// <param name="VoiceB">B's prosody, or null without audio.</param>
/// <param name="Duration">Length of the session.</param>
/// <param name="Faces">The face signals of A and B, or null when faces were not measured.</param>
/// <param name="PartnerDistance">
/// The distance between the two in shoulder widths (<c>partner_distance</c>, on the posture grid), or null when not
/// measured (it is missing throughout with one camera per person).
/// </param>
public sealed record SessionSignals(MediaTime Origin, TimeSpan Duration, PostureSeries? Posture, DyadSeries? MotionEnergy, SpeakerVoice? VoiceA, SpeakerVoice? VoiceB, FaceSignals? Faces = null, DyadSeries? PartnerDistance = null);

/// <summary>What the face stage gives the dyad measures, on the body series' grid (NaN where a face was not seen).</summary>
/// <param name="Smile">Both people's <c>smile</c>.</param>
/// <param name="Looking">Both people's <c>looking_at_partner</c>.</param>
/// <param name="HeadMovements">
/// Both people's nods and shakes. Today they come from the pose's nose point; they travel with the face signals because
/// nod reciprocity is measured with the other attentiveness measures, when faces are.
/// </param>
public sealed record FaceSignals(DyadSeries Smile, DyadSeries Looking, IReadOnlyList<HeadMovementEvent> HeadMovements);

/// <summary>A measure that could not be computed, and why (e.g. the session is shorter than one window).</summary>
public sealed record MissingMeasure(string Name, string Reason);

/// <summary>What the analysis found: the measures it could compute and the reasons for the others.</summary>
public sealed record CoordinationReport(IReadOnlyList<CoordinationMeasure> Measures, IReadOnlyList<MissingMeasure> Missing);

/// <summary>
/// The coordination channels of a session (MEASURES.md §3 and §6) from its signals: posture mirroring, gesture
/// synchrony and proximity from the body; tone, tempo, volume and inflection from the voices; smile mimicry, mutual gaze
/// and nod reciprocity with the faces. A channel without its signals, or too short for one window, is reported
/// missing with the reason instead of failing the others. The measures'
/// p-values are also adjusted together (Holm), since a session is tested on all of them at once.
/// </summary>
public sealed class CoordinationAnalysis(CoordinationSettings settings)
{
    public CoordinationSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    public CoordinationReport Analyse(SessionSignals signals, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var measures = new List<CoordinationMeasure>();
        var missing = new List<MissingMeasure>();

        void Try(string name, bool available, string unavailable, Func<CoordinationMeasure> compute)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!available)
            {
                missing.Add(new MissingMeasure(name, unavailable));
                return;
            }

            try
            {
                measures.Add(compute());
            }
            catch (InsufficientDataException error)
            {
                // The advice names analyze's own remedies; the exception itself serves other hosts too (sync has --win and --lag).
                missing.Add(new MissingMeasure(name, $"{error.Message} Analyse a longer stretch, or shorten the measure's window_seconds and lag_seconds in a settings file (mirrorsense analyze --print-config, then --config)."));
            }
        }

        Try(MeasureNames.PostureMirroring, signals.Posture is not null, "no video: posture needs body landmarks",
            () => Shifted(PostureMirroringMeasure.From(new PostureMirroring(Settings.Posture).Compute(signals.Posture!), Settings.PostureEpisodeSeconds), signals.Origin));
        Try(MeasureNames.GestureSynchrony, signals.MotionEnergy is not null, "no video: gesture synchrony needs motion energy",
            () => new GestureSynchrony(Settings.Gesture).Compute(signals.MotionEnergy!, signals.Origin));
        Try(MeasureNames.Proximity, signals.Posture is not null, "no video: proximity needs body landmarks",
            () => new Proximity(Settings.Proximity).Compute(Lean(signals.Posture!, PostureDescriptor.LeanSideways), Lean(signals.Posture!, PostureDescriptor.LeanForward), signals.PartnerDistance, signals.Origin));
        var voices = signals.VoiceA is not null && signals.VoiceB is not null;
        Try(MeasureNames.Tone, voices, "no audio for both participants",
            () => new VoiceContourCoordination(VoiceChannel.Pitch, Settings.Tone).Compute(signals.VoiceA!, signals.VoiceB!, signals.Origin, signals.Duration));
        // Voices read back from frames alone (a recording without raw audio) have units but no syllables: their rate is unknown, not zero.
        var rates = voices && HasSpeechRate(signals.VoiceA!) && HasSpeechRate(signals.VoiceB!);
        Try(MeasureNames.Tempo, rates, voices ? "no speech rate: the voices' units have no syllable rates (they need the audio itself)" : "no audio for both participants",
            () => new TurnCoordination(TurnFeature.SpeechRate, Settings.TempoPermutations, Settings.Seed).Compute(signals.VoiceA!, signals.VoiceB!));
        var loudness = voices && HasLoudness(signals.VoiceA!) && HasLoudness(signals.VoiceB!);
        Try(MeasureNames.Volume, loudness, voices ? "no intensity: the voices have pitch but no loudness" : "no audio for both participants",
            () => new VoiceContourCoordination(VoiceChannel.Loudness, Settings.Volume).Compute(signals.VoiceA!, signals.VoiceB!, signals.Origin, signals.Duration));
        Try(MeasureNames.Inflection, voices, "no audio for both participants",
            () => new TurnCoordination(TurnFeature.PitchRange, Settings.TempoPermutations, Settings.Seed).Compute(signals.VoiceA!, signals.VoiceB!));
        if (signals.Faces is { } faces)
        {
            var unseen = Unseen(faces.Smile);
            Try(MeasureNames.SmileMimicry, unseen is null, $"no face of {unseen} was seen",
                () => new SmileMimicry(Settings.Smile).Compute(faces.Smile, signals.Origin));
            unseen = Unseen(faces.Looking);
            Try(MeasureNames.MutualGaze, unseen is null, $"no face of {unseen} was seen",
                () => new MutualGaze(Settings.Gaze).Compute(faces.Looking, signals.Origin, signals.VoiceA, signals.VoiceB));
            Try(MeasureNames.NodReciprocity, faces.HeadMovements.Any(m => m.Kind == HeadMovementKind.Nod), "nobody nodded (see head_movements.csv)",
                () => new NodReciprocity(Settings.Nods).Compute(faces.HeadMovements, signals.Origin, signals.Duration, signals.VoiceA, signals.VoiceB));
        }

        var adjusted = HolmAdjustment.Adjust([.. measures.Select(m => m.PValue)]);
        return new CoordinationReport([.. measures.Select((m, i) => m with { PAdjusted = adjusted[i] })], missing);
    }

    /// <summary>Who of the two was never seen ("A", "B", "A and B"), or null when both were.</summary>
    private static string? Unseen(DyadSeries series)
    {
        var unseen = new[] { (Participant.A, series.A), (Participant.B, series.B) }.Where(p => p.Item2.All(double.IsNaN)).Select(p => p.Item1.ToString()).ToArray();
        return unseen.Length == 0 ? null : string.Join(" and ", unseen);
    }

    private static DyadSeries Lean(PostureSeries posture, string component) =>
        posture.Pair(posture.Schema.Components.ToList().FindIndex(c => c.Name == component), mirrored: false);

    private static bool HasSpeechRate(SpeakerVoice voice) => voice.Units.Any(u => !double.IsNaN(u.SyllablesPerSecond));

    private static bool HasLoudness(SpeakerVoice voice) => voice.Frames.Any(f => !double.IsNaN(f.IntensityDb));

    /// <summary>Posture windows are counted from the series' first sample; put them on the session's media time.</summary>
    private static CoordinationMeasure Shifted(CoordinationMeasure measure, MediaTime origin)
    {
        var by = origin - MediaTime.Zero;
        return by == TimeSpan.Zero ? measure : measure with
        {
            Windows = [.. measure.Windows.Select(w => w with { Start = w.Start + by, End = w.End + by })],
            Episodes = [.. measure.Episodes.Select(e => e with { Start = e.Start + by, End = e.End + by })],
        };
    }
}
