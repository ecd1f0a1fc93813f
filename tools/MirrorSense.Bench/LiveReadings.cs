using System.Text.Json;

namespace MirrorSense.Bench;

/// <summary>
/// What a benchmark learns from the live page's events. Latency is the receipt time of an update minus the capture
/// time of the input it answers: a body sample when the update's <c>body_captured_ms</c> moved on since the previous
/// update, a voice sample when <c>voice_captured_ms</c> did, and an "either" sample for every update from
/// <c>captured_ms</c>. Updates read within <paramref name="warmUp"/> of the first are not sampled: models and JIT
/// are still warming, and buffers filling. Thread-safe: events arrive on the stream's task, reports are read on another.
/// </summary>
internal sealed class LiveReadings(TimeSpan warmUp)
{
    private readonly Lock _gate = new();
    private readonly List<double> _body = [];
    private readonly List<double> _voice = [];
    private readonly List<double> _either = [];
    private readonly List<double> _poseLatency = [];
    private long? _firstUpdateMs;
    private long _lastUpdateMs;
    private long? _lastBody;
    private long? _lastVoice;
    private long _updates;
    private long _framesCaptured;
    private long _framesDropped;
    private long _facesPutOff;

    public void Add(LiveEvent e)
    {
        lock (_gate)
        {
            if (e.Kind == "update")
                AddUpdate(e.Data, e.ReceivedMs);
            else if (e.Kind == "health")
                AddHealth(e.Data, e.ReceivedMs);
        }
    }

    public LiveReadingsReport Report()
    {
        lock (_gate)
        {
            var seconds = _firstUpdateMs is { } first ? (_lastUpdateMs - first) / 1000.0 : 0;
            return new LiveReadingsReport(
                LatencySummary.Of(_body),
                LatencySummary.Of(_voice),
                LatencySummary.Of(_either),
                LatencySummary.Of(_poseLatency).MedianMs,
                _updates,
                seconds > 0 ? (_updates - 1) / seconds : double.NaN,
                _framesCaptured,
                _framesDropped,
                _facesPutOff);
        }
    }

    private void AddUpdate(JsonElement update, long receivedMs)
    {
        _firstUpdateMs ??= receivedMs;
        _lastUpdateMs = receivedMs;
        _updates++;
        var body = Milliseconds(update, "body_captured_ms");
        var voice = Milliseconds(update, "voice_captured_ms");
        if (!WarmingUp(receivedMs))
        {
            if (body is { } bodyMs && bodyMs > _lastBody)
                _body.Add(receivedMs - bodyMs);
            if (voice is { } voiceMs && voiceMs > _lastVoice)
                _voice.Add(receivedMs - voiceMs);
            if (Milliseconds(update, "captured_ms") is { } newest)
                _either.Add(receivedMs - newest);
        }

        _lastBody = body ?? _lastBody;
        _lastVoice = voice ?? _lastVoice;
    }

    private void AddHealth(JsonElement health, long receivedMs)
    {
        // Counts are totals since the start, so the newest health event holds the session's drop rate.
        _framesCaptured = health.GetProperty("frames_captured").GetInt64();
        _framesDropped = health.GetProperty("frames_dropped").GetInt64();
        _facesPutOff = health.TryGetProperty("faces_put_off", out var putOff) ? putOff.GetInt64() : 0;
        if (!WarmingUp(receivedMs) && health.GetProperty("pose_latency_ms") is { ValueKind: JsonValueKind.Number } pose)
            _poseLatency.Add(pose.GetDouble());
    }

    private bool WarmingUp(long receivedMs) => _firstUpdateMs is not { } first || receivedMs - first < warmUp.TotalMilliseconds;

    // Absent (a server older than the split) and null (no such input yet) both mean: nothing to measure.
    private static long? Milliseconds(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}

/// <summary>A snapshot of <see cref="LiveReadings"/>: latencies, update rate and frame drops so far.</summary>
internal sealed record LiveReadingsReport(
    LatencySummary Body,
    LatencySummary Voice,
    LatencySummary Either,
    double PoseLatencyMedianMs,
    long Updates,
    double UpdatesPerSecond,
    long FramesCaptured,
    long FramesDropped,
    long FacesPutOff)
{
    public double DropRate => FramesCaptured > 0 ? (double)FramesDropped / FramesCaptured : double.NaN;

    /// <summary>Of the frames the pose stage estimated, the share whose faces were put off for a waiting frame.</summary>
    public double FacesPutOffRate => FramesCaptured - FramesDropped > 0 ? (double)FacesPutOff / (FramesCaptured - FramesDropped) : double.NaN;
}
