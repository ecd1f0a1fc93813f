using NAudio.Wave;
using NAudio.Wave.SampleProviders;
using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>Converts a source to another sample rate with NAudio's WDL resampler (band-limited, streaming).</summary>
public sealed class ResamplingSource : IAudioSource
{
    private readonly IAudioSource _source;
    private readonly WdlResamplingSampleProvider _resampler;

    public ResamplingSource(IAudioSource source, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _source = source;
        _resampler = new WdlResamplingSampleProvider(new SampleProviderAdapter(source), sampleRate);
        Format = new AudioFormat(sampleRate, source.Format.Channels);
    }

    public string Name => _source.Name;
    public AudioFormat Format { get; }

    public int Read(Span<float> into) => _resampler.Read(into[..(into.Length - into.Length % Format.Channels)]);

    public void Dispose() => _source.Dispose();

    /// <summary>Shows an <see cref="IAudioSource"/> to NAudio as an <see cref="ISampleProvider"/>.</summary>
    private sealed class SampleProviderAdapter(IAudioSource source) : ISampleProvider
    {
        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(source.Format.SampleRate, source.Format.Channels);

        public int Read(Span<float> buffer) => source.Read(buffer);
    }
}
