using System.Reactive.Subjects;
using MirrorSense.Capture;
using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Synchrony.Coordination;
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
/// One live microphone through the prosody stage: blocks read on a thread of their own (audio is never dropped:
/// prosody is cheaper than real time), each participant's channel through a <see cref="ProsodyAnalyzer"/> and a
/// <see cref="LiveUnitTracker"/>, frames and units out on the session clock. A lost microphone ends its streams
/// and is reported through <see cref="Problem"/>; everything it delivered before stays delivered.
/// </summary>
internal sealed class MicrophoneCapture : IDisposable
{
    private static readonly TimeSpan Block = TimeSpan.FromMilliseconds(50);

    private readonly Subject<SpokenFrame> _frames = new();
    private readonly Subject<SpeechUnit> _units = new();
    private readonly MicrophoneInput _input;
    private readonly IAudioSource _source;
    private readonly SessionClock _clock;
    private readonly Action<Participant, AudioFormat, ReadOnlyMemory<float>, MediaTime>? _raw;
    private readonly CancellationTokenSource _stop = new();
    /// <summary>How long a running microphone may deliver nothing before it is shown as silent rather than live.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(2);

    private Thread? _thread;
    private volatile DeviceClock? _clock0;
    private volatile bool _running;
    private long _lastBlockTicks;
    private string? _problem;

    public MicrophoneCapture(MicrophoneInput input, IAudioSource source, SessionClock clock, Action<Participant, AudioFormat, ReadOnlyMemory<float>, MediaTime>? raw)
    {
        _input = input;
        _source = source;
        _clock = clock;
        _raw = raw;
    }

    public IObservable<SpokenFrame> Frames => _frames;

    public IObservable<SpeechUnit> Units => _units;

    public string Name => _input.Describe();

    /// <summary>The device as the page lists it under microphones.</summary>
    public string Label => _input.Label;

    /// <summary>Running and delivering: a read that has stalled (a sound server that died can leave it waiting) is not live.</summary>
    public bool Live => _running && Stalled <= Stall;

    private TimeSpan Stalled => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastBlockTicks));

    /// <summary>Where the microphone's first sample lies on the session clock, once it has delivered.</summary>
    public TimeSpan? SessionOffset => _clock0?.Offset;

    /// <summary>The participants whose voices this microphone carries.</summary>
    public IEnumerable<Participant> Speakers => _input.Voices.Select(v => v.Speaker);

    public string? Problem
    {
        get => _problem ?? (_running && Stalled > Stall ? $"the microphone has delivered no audio for {Stalled.TotalSeconds:0} s" : null);
        private set => _problem = value;
    }

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = Name };
        _thread.Start();
    }

    private void Run()
    {
        try
        {
            // The source belongs to the session, which releases it after this thread has stopped.
            var source = _source;
            var rate = source.Format.SampleRate;
            var speakers = _input.Voices.Select(v => new Voice(v.Speaker, v.Channel, new ProsodyAnalyzer(rate), new LiveUnitTracker(rate))).ToList();
            var mono = new AudioFormat(rate, 1);
            DeviceClock? clock = null;
            Interlocked.Exchange(ref _lastBlockTicks, Environment.TickCount64);
            _running = true;
            foreach (var block in source.ReadBlocks(Block))
            {
                if (_stop.IsCancellationRequested)
                    break;
                Interlocked.Exchange(ref _lastBlockTicks, Environment.TickCount64);
                // Prosody needs contiguous audio, so it runs on the device's own sample clock; what it finds is
                // placed on the session clock as the offset stands, never moving a speaker's frames backwards.
                clock ??= _clock0 = _clock.Register(block.Duration);
                clock.Observe(block.Start);
                foreach (var speaker in speakers)
                {
                    var samples = block.Channel(speaker.Channel);
                    _raw?.Invoke(speaker.Speaker, mono, samples, block.Start + clock.Offset);
                    speaker.Units.AddSamples(samples, block.Start);
                    var frames = speaker.Prosody.Process(samples, block.Start);
                    foreach (var frame in frames)
                        _frames.OnNext(new SpokenFrame(speaker.Speaker, new VoiceFrame(speaker.Place(frame.Time, clock.Offset), frame.FrequencyHz, frame.IntensityDb)));
                    foreach (var unit in speaker.Units.AddFrames(frames))
                        _units.OnNext(unit with { Speaker = speaker.Speaker, Start = unit.Start + clock.Offset, End = unit.End + clock.Offset });
                }
            }

            if (!_stop.IsCancellationRequested)
                Problem = "the microphone stream ended";
        }
        catch (AudioSourceException error)
        {
            Problem = error.Message;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            // A fault in the analysis of this microphone ends this microphone only: the camera and the recording go on.
            Problem = $"the voice analysis stopped: {error.Message}";
        }
        finally
        {
            _running = false;
            _frames.OnCompleted();
            _units.OnCompleted();
        }
    }

    /// <summary>One participant's channel of the microphone and its analysis.</summary>
    private sealed class Voice(Participant speaker, int channel, ProsodyAnalyzer prosody, LiveUnitTracker units)
    {
        private MediaTime _last = new(long.MinValue);

        public Participant Speaker => speaker;
        public int Channel => channel;
        public ProsodyAnalyzer Prosody => prosody;
        public LiveUnitTracker Units => units;

        public MediaTime Place(MediaTime deviceTime, TimeSpan offset)
        {
            var time = deviceTime + offset;
            _last = time > _last ? time : new MediaTime(_last.Microseconds + 1);
            return _last;
        }
    }

    /// <summary>Asks the reader to stop and waits a little for it; false when its read is still blocked.</summary>
    public bool Stop()
    {
        _stop.Cancel();
        return _thread?.Join(TimeSpan.FromSeconds(5)) ?? true;
    }

    public void Dispose()
    {
        // A reader blocked in a dead device keeps its streams: it completes them if its read ever returns.
        if (!Stop())
            return;
        _frames.Dispose();
        _units.Dispose();
        _stop.Dispose();
    }
}
