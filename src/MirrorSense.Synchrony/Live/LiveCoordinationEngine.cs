using MirrorSense.Core;
using MirrorSense.Synchrony.Features;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// The live synchrony engine: body samples and voice frames/units in, a <see cref="CoordinationUpdate"/> out every
/// <see cref="LiveCoordinationOptions.UpdateSeconds"/> of media time of either stream. Each stream drives its own
/// updates, so a body reading is published as soon as its sample arrives (not when the voice next ticks) and the
/// voices go on when the camera is lost. Driven by media time only: offline, live and virtual time behave alike.
/// Not thread-safe: <see cref="LiveCoordination"/> serialises the streams.
/// </summary>
public sealed class LiveCoordinationEngine
{
    /// <summary>Body channels go to "no data" when the body stream has been silent this long behind the voices.</summary>
    private static readonly TimeSpan BodyStaleAfter = TimeSpan.FromSeconds(1);

    private readonly LiveCoordinationOptions _options;
    private readonly BodyChannels _body;
    private readonly VoiceChannels _voice;
    private readonly FaceChannels? _faces;
    private readonly TimeSpan _step;
    private MediaTime? _nextBody;
    private MediaTime? _nextVoice;

    public LiveCoordinationEngine(LiveBodyLayout layout, LiveCoordinationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _options = options ?? new LiveCoordinationOptions();
        _options.Validate();
        _body = new BodyChannels(layout, _options);
        _voice = new VoiceChannels(_options);
        _faces = layout.Faces is { } faces ? new FaceChannels(layout, faces, _options) : null;
        _step = TimeSpan.FromSeconds(_options.UpdateSeconds);
    }

    /// <summary>Adds a body sample; returns an update when the body stream crossed its next update time.</summary>
    public CoordinationUpdate? Add(FeatureSample sample)
    {
        _body.Add(sample);
        _faces?.Add(sample);
        if (_nextBody is { } next && sample.Time < next)
            return null;
        _nextBody = sample.Time + _step;
        _body.Update(sample.Time);
        _faces?.Update(sample.Time);
        return Publish(sample.Time);
    }

    /// <summary>Adds a voice frame; returns an update when the voice stream crossed its next update time.</summary>
    public CoordinationUpdate? Add(SpokenFrame frame)
    {
        _voice.Add(frame);
        if (_nextVoice is { } next && frame.Time < next)
            return null;
        _nextVoice = frame.Time + _step;
        _voice.Update(frame.Time);
        if (_body.Newest is not { } body || frame.Time - body > BodyStaleAfter)
        {
            _body.MarkStale();
            _faces?.MarkStale();
        }
        return Publish(frame.Time);
    }

    /// <summary>Adds a finished unit; it counts from the voices' next update.</summary>
    public void Add(SpeechUnit unit) => _voice.Add(unit);

    private CoordinationUpdate Publish(MediaTime time)
    {
        var newest = Max(_body.Newest, _voice.Newest) ?? time;
        ChannelReading[] face = _faces is null ? [] : [_faces.Smiles];
        return new CoordinationUpdate(newest, _body.Newest, _voice.Newest,
            [_body.Posture, _body.Gesture, .. face, _voice.Tone, _voice.Tempo, _voice.Volume, _voice.Inflection], _voice.Conversation, null)
        {
            Attention = _faces?.Attention(newest, _voice),
        };
    }

    private static MediaTime? Max(MediaTime? a, MediaTime? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
