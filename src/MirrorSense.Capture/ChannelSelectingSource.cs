using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// Turns a multi-channel source into mono: one channel (left = first, right = second) or the mean of all channels.
/// A mono source passes through unchanged for <see cref="ChannelSelection.Mix"/>; asking a mono source for its right
/// channel is a wiring error, reported at construction.
/// </summary>
public sealed class ChannelSelectingSource : IAudioSource
{
    private readonly IAudioSource _source;
    private readonly ChannelSelection _selection;
    private float[] _scratch = [];

    public ChannelSelectingSource(IAudioSource source, ChannelSelection selection)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (selection == ChannelSelection.Right && source.Format.Channels < 2)
            throw new ArgumentException($"{source.Name} has one channel; there is no right channel to take (use mix or left).", nameof(selection));
        _source = source;
        _selection = selection;
        Format = new AudioFormat(source.Format.SampleRate, 1);
    }

    public string Name => _source.Name;
    public AudioFormat Format { get; }

    public int Read(Span<float> into)
    {
        var channels = _source.Format.Channels;
        if (channels == 1)
            return _source.Read(into);
        var wanted = into.Length * channels;
        if (_scratch.Length < wanted)
            _scratch = new float[wanted];
        var count = _source.Read(_scratch.AsSpan(0, wanted));
        var frames = count / channels;
        switch (_selection)
        {
            case ChannelSelection.Left:
            case ChannelSelection.Right:
                AudioBlock.CopyChannel(_scratch.AsSpan(0, wanted), channels, _selection == ChannelSelection.Left ? 0 : 1, into[..frames]);
                break;
            default:
                var scale = 1.0f / channels;
                for (var i = 0; i < frames; i++)
                {
                    var sum = 0.0f;
                    for (var c = 0; c < channels; c++)
                        sum += _scratch[i * channels + c];
                    into[i] = sum * scale;
                }
                break;
        }
        return frames;
    }

    public void Dispose() => _source.Dispose();
}
