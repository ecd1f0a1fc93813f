namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Parameters of the live synchrony engine, with the defaults MirrorSense documents. Live windows are shorter
/// than offline ones so a trainee sees a change within seconds; each index is a percentile against a pool of
/// surrogate readings of the same two people (for the body, the partner's current window with its timing randomised), so 50 is chance.
/// </summary>
/// <param name="UpdateSeconds">Media time between updates (10 per second).</param>
/// <param name="BodyWindowSeconds">Window of posture and gesture readings.</param>
/// <param name="BodyLagSeconds">Largest lead or lag searched for posture and gesture (copies come 0.5–3 s late).</param>
/// <param name="CoincidenceSeconds">Gesture lags shorter than this are not searched: a frame-wide event (a brightness jump, a jolt of the camera, a dropped frame) moves both people's motion energy in the same frame, while a person's movement spreads over longer than this.</param>
/// <param name="SurrogatePool">Surrogate readings kept per channel (posture adds three per update, gesture one; the oldest are dropped).</param>
/// <param name="MinimumSurrogates">Readings the pool needs before an index is given.</param>
/// <param name="MinimumCoverage">Share of a window both people must be seen (or heard) in for a reading.</param>
/// <param name="SmoothingSeconds">Time constant of the exponential smoothing of each index.</param>
/// <param name="OvershootSimilarity">Mirrored similarity at or above which copying counts as near-identical.</param>
/// <param name="OvershootLagSeconds">Lag at or under which near-identical copying counts as too fast.</param>
/// <param name="ToneFrameSeconds">Pitch is averaged over this much of each speaker's recent voice (TAMA-style frames).</param>
/// <param name="ToneWindowSeconds">Window of the tone reading, on the 1 Hz contour.</param>
/// <param name="ToneLagSeconds">Largest lead or lag searched for tone.</param>
/// <param name="TurnWindowSeconds">Units whose end falls in this window make the tempo, volume and inflection readings.</param>
/// <param name="SmileWindowSeconds">Window of the shared-smiles reading: longer than the body's, since smiles come a few at a minute, not many a second.</param>
/// <param name="SmileLagSeconds">Largest lead or lag searched for shared smiles (an answering smile comes within about 3 s).</param>
/// <param name="AttentionSeconds">Span of the attention panel's looking shares and nods while listening.</param>
/// <param name="SpeechGapSeconds">Unvoiced gaps shorter than this do not end a stretch of speech.</param>
/// <param name="Seed">Seed of the body channels' surrogates (the same seed replays a session to the same readings).</param>
public sealed record LiveCoordinationOptions(
    double UpdateSeconds = 0.1,
    double BodyWindowSeconds = 10,
    double BodyLagSeconds = 3.5,
    double CoincidenceSeconds = 0.1,
    int SurrogatePool = 60,
    int MinimumSurrogates = 20,
    double MinimumCoverage = 0.5,
    double SmoothingSeconds = 1,
    double OvershootSimilarity = 0.9,
    double OvershootLagSeconds = 0.4,
    double ToneFrameSeconds = 8,
    double ToneWindowSeconds = 60,
    double ToneLagSeconds = 4,
    double TurnWindowSeconds = 30,
    double SpeechGapSeconds = 0.3,
    double SmileWindowSeconds = 20,
    double SmileLagSeconds = 3,
    double AttentionSeconds = 120,
    int Seed = 1)
{
    public void Validate()
    {
        if (UpdateSeconds <= 0 || BodyWindowSeconds <= 0 || BodyLagSeconds < 0 || SmoothingSeconds < 0)
            throw new ArgumentException("Live update, window, lag and smoothing times must be positive.");
        if (CoincidenceSeconds < 0 || CoincidenceSeconds >= BodyLagSeconds)
            throw new ArgumentException($"The coincidence band ({CoincidenceSeconds} s) must be at least 0 and under the body lag ({BodyLagSeconds} s).");
        if (BodyLagSeconds * 2 >= BodyWindowSeconds)
            throw new ArgumentException($"The body lag ({BodyLagSeconds} s) must be under half the window ({BodyWindowSeconds} s).");
        if (SmileLagSeconds < 0 || SmileLagSeconds * 2 >= SmileWindowSeconds)
            throw new ArgumentException($"The smile lag ({SmileLagSeconds} s) must be at least 0 and under half the smile window ({SmileWindowSeconds} s).");
        if (!(AttentionSeconds >= 1))
            throw new ArgumentException($"The attention span ({AttentionSeconds} s) must be at least a second.");
        if (MinimumSurrogates < 1 || SurrogatePool < MinimumSurrogates)
            throw new ArgumentException("The surrogate pool must hold at least the minimum number of surrogates.");
        if (MinimumCoverage is < 0 or > 1)
            throw new ArgumentException("Minimum coverage is a share between 0 and 1.");
        if (ToneFrameSeconds <= 0 || ToneWindowSeconds <= 2 * ToneLagSeconds || TurnWindowSeconds <= 0 || SpeechGapSeconds < 0)
            throw new ArgumentException("Tone frame, tone window (more than twice its lag), tempo window and speech gap must be positive.");
    }
}
