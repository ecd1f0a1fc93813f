using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Capture;
using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Synchrony.Live;

namespace MirrorSense.Cli.Live;

/// <summary>Which channel of a microphone carries which participant's voice.</summary>
internal sealed record MicrophoneInput(string? Device, IReadOnlyList<(Participant Speaker, int Channel)> Voices, int Channels)
{
    public string Describe() => $"microphone {Label}";

    /// <summary>The device and whose voice it carries, without the word "microphone" (the page names the kind).</summary>
    public string Label => $"'{Device ?? "default"}'" + (Channels > 1 ? " (stereo: left A, right B)" : $" ({Voices[0].Speaker})");
}

/// <summary>
/// One live microphone as the head of the live voice graph: its blocks, read on a thread of their own (audio is never
/// dropped: prosody is cheaper than real time), refine the device's clock; each participant's channel goes through the
/// prosody stage (<see cref="ProsodyObservable.AnalyzeSpeech"/>), and its frames and units leave on the session clock.
/// A lost microphone ends its streams and is reported through <see cref="Problem"/>; everything it delivered before
/// stays delivered, and a stop completes the streams with the unit in progress.
/// </summary>
internal sealed class MicrophoneCapture : IDisposable
{
    private static readonly TimeSpan Block = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a running microphone may deliver nothing before it is shown as silent rather than live.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    private readonly MicrophoneInput _input;
    private readonly DeviceClock _clock;
    private readonly EventLoopScheduler _reader;
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _ended = new();
    private readonly IConnectableObservable<SpokenBlock> _voices;
    private IDisposable? _connection;
    private volatile bool _running;
    private long _lastBlockTicks;
    private string? _problem;

    public MicrophoneCapture(MicrophoneInput input, IAudioSource source, SessionClock clock, Action<Participant, AudioFormat, ReadOnlyMemory<float>, MediaTime>? raw)
    {
        _input = input;
        _clock = clock.Register(Block);
        _reader = new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = Name });
        // The source belongs to the session, which releases it after the reader has stopped.
        _voices = source.Blocks(Block, _reader, _stop.Token)
            .Do(_ => Heartbeat())
            .ObservedBy(_clock)
            .Publish(blocks => input.Voices.Select(voice => Voice(blocks, voice.Speaker, voice.Channel, raw)).Merge())
            .Catch<SpokenBlock, AudioSourceException>(error => Ended(error.Message))
            // A fault in the analysis of this microphone ends this microphone only: the camera and the recording go on.
            .Catch<SpokenBlock, ArgumentException>(error => Ended($"the voice analysis stopped: {error.Message}"))
            .Catch<SpokenBlock, InvalidOperationException>(error => Ended($"the voice analysis stopped: {error.Message}"))
            // Said before the streams complete, so that whoever sees them end can read why (and a subscriber that stops
            // the microphone from its completion does not wait for a reader that is busy completing it).
            .Do(_ => { }, () =>
            {
                _running = false;
                if (!_stop.IsCancellationRequested)
                    _problem ??= "the microphone stream ended";
                _ended.Set();
            })
            .Finally(() => _running = false)
            .Publish();
    }

    public IObservable<SpokenFrame> Frames => _voices.SelectMany(voice => voice.Frames);

    public IObservable<SpeechUnit> Units => _voices.SelectMany(voice => voice.Units);

    public string Name => _input.Describe();

    /// <summary>The device as the page lists it under microphones.</summary>
    public string Label => _input.Label;

    /// <summary>Running and delivering: a read that has stalled (a sound server that died can leave it waiting) is not live.</summary>
    public bool Live => _running && Stalled <= Stall;

    private TimeSpan Stalled => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastBlockTicks));

    /// <summary>Where the microphone's first sample lies on the session clock, once it has delivered.</summary>
    public TimeSpan? SessionOffset => _clock.Started ? _clock.Offset : null;

    /// <summary>The participants whose voices this microphone carries.</summary>
    public IEnumerable<Participant> Speakers => _input.Voices.Select(v => v.Speaker);

    public string? Problem => _problem ?? (_running && Stalled > Stall ? $"the microphone has delivered no audio for {Stalled.TotalSeconds:0} s" : null);

    /// <summary>Starts reading; subscribe to <see cref="Frames"/> and <see cref="Units"/> first.</summary>
    public void Start()
    {
        Interlocked.Exchange(ref _lastBlockTicks, Environment.TickCount64);
        _running = true;
        _connection = _voices.Connect();
    }

    /// <summary>
    /// One participant's channel: its samples handed to the raw writer when asked, through the prosody stage, and what
    /// it finds placed on the session clock by the offset as it stands (frames never moving backwards).
    /// </summary>
    private IObservable<SpokenBlock> Voice(IObservable<AudioBlock> blocks, Participant speaker, int channel, Action<Participant, AudioFormat, ReadOnlyMemory<float>, MediaTime>? raw) =>
        Observable.Defer(() =>
        {
            var timeline = _clock.Timeline();
            return blocks
                .Select(block => new AudioBlock(block.Start, new AudioFormat(block.Format.SampleRate, 1), block.Channel(channel)))
                .Do(mono => raw?.Invoke(speaker, mono.Format, mono.Samples, _clock.Place(mono.Start)))
                .AnalyzeSpeech()
                .Select(step => new SpokenBlock(
                    [.. step.Frames.Select(f => new SpokenFrame(speaker, f with { Time = timeline.Place(f.Time) }))],
                    [.. step.Units.Select(u => u with { Speaker = speaker, Start = _clock.Place(u.Start), End = _clock.Place(u.End) })]));
        });

    private void Heartbeat() => Interlocked.Exchange(ref _lastBlockTicks, Environment.TickCount64);

    private IObservable<SpokenBlock> Ended(string problem)
    {
        _running = false;
        _problem = problem;
        return Observable.Empty<SpokenBlock>();
    }

    /// <summary>Asks the reader to end after its current block and waits a little for it; false when its read is still blocked.</summary>
    public bool Stop()
    {
        _stop.Cancel();
        return _connection is null || _ended.Wait(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        // A reader blocked in a dead device keeps its thread: it ends the streams if its read ever returns.
        if (!Stop())
            return;
        _connection?.Dispose();
        _reader.Dispose();
        _stop.Dispose();
        _ended.Dispose();
    }

    /// <summary>What one block of the microphone gave one participant, on the session clock.</summary>
    private sealed record SpokenBlock(IReadOnlyList<SpokenFrame> Frames, IReadOnlyList<SpeechUnit> Units);
}
