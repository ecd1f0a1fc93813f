using System.Reactive.Linq;
using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Judges each channel against its band and chooses coaching cues: a cue fires only when most of the last window
/// held one pattern (out of band low, overshoot, or well in step), at most one every
/// <see cref="CoachingOptions.MinimumGapSeconds"/>; the overshoot guard goes first. Not thread-safe (one stream).
/// </summary>
public sealed class LiveFeedback
{
    private readonly CoachingOptions _options;
    private readonly Dictionary<LiveChannel, ChannelBand> _bands = Enum.GetValues<LiveChannel>().ToDictionary(c => c, _ => new ChannelBand());
    private readonly Queue<CoordinationUpdate> _recent = new();
    private MediaTime? _start;
    private MediaTime? _lastCue;
    private readonly HashSet<(LiveChannel, CueKind)> _said = [];

    public LiveFeedback(CoachingOptions? options = null)
    {
        _options = options ?? new CoachingOptions();
        _options.Validate();
    }

    public CoordinationUpdate Apply(CoordinationUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _start ??= update.Time;
        var calibrating = (update.Time - _start.Value).TotalSeconds < _options.CalibrationSeconds;
        var judged = update with { Channels = [.. update.Channels.Select(reading => Judge(reading, calibrating))] };
        _recent.Enqueue(judged);
        while (_recent.Count > 0 && (update.Time - _recent.Peek().Time).TotalSeconds > _options.WindowSeconds)
            _recent.Dequeue();
        var cue = _options.Cues && !calibrating ? NextCue(update.Time) : null;
        return judged with { Cue = cue };
    }

    private ChannelReading Judge(ChannelReading reading, bool calibrating)
    {
        var band = _bands[reading.Channel];
        if (calibrating)
        {
            band.Learn(reading.Index);
            return reading.State is ChannelState.InBand ? reading with { State = ChannelState.Calibrating } : reading;
        }

        band.Close();
        return reading.State is ChannelState.InBand ? reading with { State = band.Judge(reading.Index) } : reading;
    }

    private CoachingCue? NextCue(MediaTime now)
    {
        if (_lastCue is { } last && (now - last).TotalSeconds < _options.MinimumGapSeconds)
            return null;
        // Only a window that is (nearly) full speaks for a sustained pattern.
        if (_recent.Count == 0 || (now - _recent.Peek().Time).TotalSeconds < 0.9 * _options.WindowSeconds)
            return null;
        var candidates = new List<(LiveChannel Channel, CueKind Kind)>();
        foreach (var channel in Enum.GetValues<LiveChannel>())
        {
            if (Share(channel, r => r.State == ChannelState.Overshoot && r.Leader != _options.Trainee) >= _options.OutOfBandShare)
                candidates.Add((channel, CueKind.EaseOff));
            else if (Share(channel, r => r.State == ChannelState.Low) >= _options.OutOfBandShare)
                candidates.Add((channel, CueKind.Correction));
            else if (Share(channel, r => r.State is ChannelState.High or ChannelState.InBand && r.Index >= LiveLeader.MinimumIndex) >= _options.OutOfBandShare)
                candidates.Add((channel, CueKind.Positive));
        }

        if (AttentionWhileListening() is { } attention)
            candidates.Add((LiveChannel.Attention, attention));

        // The overshoot guard first, then corrections, then praise; among equals, what was said least recently.
        var chosen = candidates
            .OrderBy(c => c.Kind switch { CueKind.EaseOff => 0, CueKind.Correction => 1, _ => 2 })
            .ThenBy(c => _said.Contains(c) ? 1 : 0)
            .Select(c => ((LiveChannel, CueKind)?)c)
            .FirstOrDefault();
        if (chosen is not { } cue)
            return null;
        if (!_said.Add(cue))
        {
            _said.Clear();
            _said.Add(cue);
        }

        _lastCue = now;
        return new CoachingCue(now, cue.Item1, cue.Item2, CueText.For(cue.Item1, cue.Item2), TimeSpan.FromSeconds(_options.ShowSeconds));
    }

    /// <summary>
    /// A cue about the trainee's attentiveness while the partner has spoken for most of the window: a nudge when the
    /// trainee looked towards them in under a quarter of the time their face was read and gave no nod, praise when they
    /// looked most of the time and nodded. Nothing when the trainee's face was hardly read (no face, no verdict).
    /// </summary>
    private CueKind? AttentionWhileListening()
    {
        var trainee = _options.Trainee;
        var listening = _recent.Where(u => u.Attention is not null && (trainee == Participant.A ? u.Conversation.SpeakingB : u.Conversation.SpeakingA)).ToList();
        if (listening.Count < _options.OutOfBandShare * _recent.Count)
            return null;
        var read = listening.Where(u => u.Attention!.Looking(trainee) is not null).ToList();
        if (read.Count < 0.5 * listening.Count)
            return null;
        var looking = (double)read.Count(u => u.Attention!.Looking(trainee) == true) / read.Count;
        var nodded = listening[^1].Attention!.NodsWhileListening(trainee) > listening[0].Attention!.NodsWhileListening(trainee);
        return looking < 0.25 && !nodded ? CueKind.Correction
            : looking >= 0.6 && nodded ? CueKind.Positive
            : null;
    }

    private double Share(LiveChannel channel, Func<ChannelReading, bool> holds)
    {
        var count = 0;
        var holding = 0;
        foreach (var update in _recent)
        {
            foreach (var reading in update.Channels)
            {
                if (reading.Channel != channel)
                    continue;
                count++;
                if (holds(reading))
                    holding++;
            }
        }

        return count == 0 ? 0 : (double)holding / count;
    }
}

/// <summary>The words of each cue: short, plain, about behaviour (never about feelings), addressed to the trainee.</summary>
public static class CueText
{
    public static string For(LiveChannel channel, CueKind kind) => (channel, kind) switch
    {
        (_, CueKind.EaseOff) => "Ease off a little: copying too closely is noticed. Keep it subtle.",
        (LiveChannel.Posture, CueKind.Correction) => "Try echoing your partner's posture a little.",
        (LiveChannel.Posture, CueKind.Positive) => "Your posture is in step with your partner's.",
        (LiveChannel.Gesture, CueKind.Correction) => "Let your movements follow your partner's rhythm.",
        (LiveChannel.Gesture, CueKind.Positive) => "You are moving in sync.",
        (LiveChannel.Tone, CueKind.Correction) => "Try meeting your partner's tone of voice.",
        (LiveChannel.Tone, CueKind.Positive) => "Your voices are moving together.",
        (LiveChannel.Tempo, CueKind.Correction) => "Try matching your partner's speaking pace.",
        (LiveChannel.Tempo, CueKind.Positive) => "Your pace matches your partner's.",
        (LiveChannel.Smiles, CueKind.Correction) => "A smile answered is a smile shared: let yours follow your partner's.",
        (LiveChannel.Smiles, CueKind.Positive) => "You are sharing smiles.",
        (LiveChannel.Volume, CueKind.Correction) => "Try meeting your partner's speaking volume.",
        (LiveChannel.Volume, CueKind.Positive) => "Your loudness matches your partner's.",
        (LiveChannel.Inflection, CueKind.Correction) => "Try matching how lively your partner's voice is.",
        (LiveChannel.Inflection, CueKind.Positive) => "Your voices are equally lively.",
        (LiveChannel.Attention, CueKind.Correction) => "Your partner is telling you something: a glance and a nod show you are with them.",
        (LiveChannel.Attention, CueKind.Positive) => "Your glances and nods show you are listening.",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}

/// <summary>The feedback stage as an operator.</summary>
public static class LiveFeedbackObservable
{
    /// <summary>Each update judged against its bands, with a cue when one fires (a fresh judge per subscription).</summary>
    public static IObservable<CoordinationUpdate> WithFeedback(this IObservable<CoordinationUpdate> updates, CoachingOptions? options = null) =>
        Observable.Defer(() =>
        {
            var feedback = new LiveFeedback(options);
            return updates.Select(feedback.Apply);
        });
}
