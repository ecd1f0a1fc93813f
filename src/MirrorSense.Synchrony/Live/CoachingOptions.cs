using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// How live feedback judges and nudges, following what live-coaching studies found works (Rhema, LISSA,
/// Presentation Trainer, Meeting Mediator): one short cue at a time, rarely, only for a sustained pattern,
/// against bands learnt from this trainee's own first minutes, praise as well as correction.
/// </summary>
/// <param name="Trainee">Who is practising: cues speak to them ("you", "your partner").</param>
/// <param name="CalibrationSeconds">The first minutes whose readings set each channel's band.</param>
/// <param name="WindowSeconds">The stretch a cue looks back over.</param>
/// <param name="OutOfBandShare">Share of that stretch a pattern must hold for before a cue fires.</param>
/// <param name="MinimumGapSeconds">Least time between two cues.</param>
/// <param name="ShowSeconds">How long a cue stays on screen.</param>
/// <param name="Cues">False for a natural conversation: bands and meters only, no cue.</param>
public sealed record CoachingOptions(
    Participant Trainee = Participant.A,
    double CalibrationSeconds = 120,
    double WindowSeconds = 10,
    double OutOfBandShare = 0.7,
    double MinimumGapSeconds = 20,
    double ShowSeconds = 3,
    bool Cues = true)
{
    public void Validate()
    {
        if (CalibrationSeconds < 0 || WindowSeconds <= 0 || MinimumGapSeconds < 0 || ShowSeconds <= 0)
            throw new ArgumentException("Coaching calibration, window, gap and show times must be positive.");
        if (OutOfBandShare is <= 0 or > 1)
            throw new ArgumentException("The out-of-band share is between 0 (exclusive) and 1.");
    }
}
