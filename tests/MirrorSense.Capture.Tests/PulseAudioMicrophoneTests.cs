using MirrorSense.Capture.PulseAudio;
using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.Capture.Tests;

public sealed class PulseAudioMicrophoneTests(VirtualMicrophone pulse, ITestOutputHelper output) : IClassFixture<VirtualMicrophone>
{
    private static readonly AudioFormat Speech = new(16000, 1);

    [SkippableFact]
    public void Should_list_the_virtual_microphone_and_the_sink_monitor()
    {
        // Given the test's PulseAudio daemon with its virtual microphone
        pulse.SkipIfUnavailable();

        // When its sources are listed
        var list = new PulseAudioDeviceCatalog(pulse.Server).List();

        // Then both appear, the monitor marked as such
        Assert.Null(list.Problem);
        Assert.Contains(list.Devices, d => d.Name == VirtualMicrophone.Microphone && !d.IsMonitor);
        Assert.Contains(list.Devices, d => d.Name == VirtualMicrophone.Sink + ".monitor" && d.IsMonitor);
    }

    [Theory]
    [InlineData("Server Name: pulseaudio\nDefault Sink: alsa_output.pci.analog-stereo\nDefault Source: mic\n", "alsa_output.pci.analog-stereo")]
    [InlineData("Server Name: pulseaudio\nDefault Sink: (null)\n", null)]
    [InlineData("Server Name: pulseaudio\n", null)]
    public void Should_read_the_default_output_from_the_server_info_or_find_none(string info, string? sink) =>
        Assert.Equal(sink, PulseAudioDeviceCatalog.DefaultSink(info));

    [SkippableFact]
    public void Should_name_an_absent_microphone_and_list_the_ones_that_exist()
    {
        // Given a daemon without a source called no_such_mic
        pulse.SkipIfUnavailable();

        // When it is opened
        var error = Assert.Throws<AudioSourceException>(() =>
            PulseAudioMicrophone.Open("no_such_mic", Speech, TimeSpan.FromMilliseconds(10), pulse.Server));

        // Then the message names it and lists what exists
        output.WriteLine(error.Message);
        Assert.Contains("no_such_mic", error.Message);
        Assert.Contains(VirtualMicrophone.Microphone, error.Message);
        Assert.Contains(VirtualMicrophone.Sink + ".monitor", error.Message);
    }

    [SkippableFact]
    public void Disposing_a_microphone_whose_read_is_blocked_returns_at_once_and_the_read_ends_when_the_server_resumes()
    {
        // Given a microphone whose sound server hangs while a read waits for audio
        pulse.SkipIfUnavailable();
        var microphone = PulseAudioMicrophone.Open(VirtualMicrophone.Microphone, Speech, TimeSpan.FromMilliseconds(20), pulse.Server);
        using var reading = new ManualResetEventSlim();
        var buffer = new float[1600];
        microphone.Read(buffer);
        Exception? afterDispose = null;
        var reader = new Thread(() =>
        {
            reading.Set();
            microphone.Read(buffer);
            afterDispose = Record.Exception(() => microphone.Read(buffer));
        });
        pulse.Freeze();
        try
        {
            reader.Start();
            Assert.True(reading.Wait(TimeSpan.FromSeconds(5)));
            Thread.Sleep(300);
            Assert.True(reader.IsAlive, "the read did not block while the server was frozen");

            // When the microphone is disposed under the blocked read
            var disposing = Task.Run(microphone.Dispose);

            // Then disposing returns at once, and the read ends once the server runs again; the next read is refused
            Assert.True(disposing.Wait(TimeSpan.FromSeconds(2)), "Dispose waited for the blocked read");
        }
        finally
        {
            pulse.Thaw();
        }

        Assert.True(reader.Join(TimeSpan.FromSeconds(10)), "the blocked read never ended after the server resumed");
        Assert.IsType<ObjectDisposedException>(afterDispose);
    }

    [SkippableFact]
    public void Should_bring_back_a_played_file_with_the_files_pitch_track_aligned_within_one_frame()
    {
        // Given 12 s of real speech (test-A) and the virtual microphone listening
        pulse.SkipIfUnavailable();
        using var folder = new TempFolder("mirrorsense-live-");
        float[] speech;
        using (var file = AudioFile.OpenMono(ReferenceData.Require("speech", "test-A.wav")))
            speech = [.. TestAudio.ReadAll(file).Take(12 * 16000)];
        var excerpt = TestAudio.WritePcm16(folder.Combine("excerpt.wav"), 16000, speech);
        var captured = new List<float>();
        using var microphone = PulseAudioMicrophone.Open(VirtualMicrophone.Microphone, Speech, TimeSpan.FromMilliseconds(20), pulse.Server);
        using var firstBlock = new ManualResetEventSlim();
        var capture = Task.Run(() =>
        {
            foreach (var block in microphone.ReadBlocks(TimeSpan.FromMilliseconds(100)))
            {
                captured.AddRange(block.Samples.Span);
                firstBlock.Set();
                if (captured.Count >= 16 * 16000)
                    break;
            }
        });
        Assert.True(firstBlock.Wait(TimeSpan.FromSeconds(10)), "the virtual microphone delivered nothing within 10 s");

        // When the file is played into the sink and recorded back
        using (var player = pulse.Start("paplay", "-d", VirtualMicrophone.Sink, excerpt))
        {
            Assert.True(player.WaitForExit(TimeSpan.FromSeconds(30)), "paplay did not finish");
            Assert.Equal(0, player.ExitCode);
        }
        Assert.True(capture.Wait(TimeSpan.FromSeconds(30)), "capture did not finish");

        // Then the recording's pitch track is the file's, shifted by the playback delay, to within one frame
        var recorded = captured.ToArray();
        var delaySamples = Onset(recorded) - Onset(speech);
        var delay = delaySamples / 16000.0;
        Assert.InRange(delay, 0, 2);
        // The file as the recording should hold it: the same length, late by the same whole number of samples, so that
        // both pitch tracks sample the voice at the same instants. Compared as it was, a fraction of a frame between the
        // two grids alone made glides differ by up to ~1 Hz (0.46 Hz at one playback delay, 1.02 Hz at another).
        var delayed = new float[recorded.Length];
        speech.AsSpan(0, Math.Min(speech.Length, recorded.Length - delaySamples)).CopyTo(delayed.AsSpan(delaySamples));
        var fileFrames = PitchAnalysis.Analyze(delayed, 16000);
        var liveFrames = PitchAnalysis.Analyze(recorded, 16000);
        var expectedShift = (fileFrames[0].Time.Seconds - liveFrames[0].Time.Seconds) / 0.01;
        var (bestShift, agreement, medianDifference) = BestAlignment(fileFrames, liveFrames, (int)Math.Round(expectedShift));
        output.WriteLine($"playback delay {delay * 1000:0.0} ms; expected shift {expectedShift:0.00} frames, best {bestShift}; " +
                         $"voicing agreement {agreement:P2}, median |Δf0| {medianDifference:0.000} Hz");
        Assert.InRange(bestShift, expectedShift - 1, expectedShift + 1);
        Assert.True(agreement >= 0.95, $"voicing agreement {agreement:P2}");
        Assert.True(medianDifference <= 0.5, $"median |Δf0| {medianDifference} Hz");
    }

    // The first sample louder than a tenth of the signal's peak: the same landmark in the file and in its recording.
    private static int Onset(float[] samples)
    {
        var peak = samples.Max(Math.Abs);
        return Array.FindIndex(samples, s => Math.Abs(s) > 0.1 * peak);
    }

    // The frame shift (searched ±20 frames around the expected one) at which voicing agrees best, with its agreement
    // and the median f0 difference of frames both call voiced.
    private static (int Shift, double Agreement, double MedianDifferenceHz) BestAlignment(IReadOnlyList<PitchFrame> file, IReadOnlyList<PitchFrame> live, int around)
    {
        var best = (Shift: 0, Agreement: -1.0, MedianDifferenceHz: double.NaN);
        for (var shift = around - 20; shift <= around + 20; shift++)
        {
            int compared = 0, agreed = 0;
            var differences = new List<double>();
            for (var i = 0; i < file.Count; i++)
            {
                var j = i + shift;
                if (j < 0 || j >= live.Count)
                    continue;
                compared++;
                if (file[i].IsVoiced == live[j].IsVoiced)
                    agreed++;
                if (file[i].IsVoiced && live[j].IsVoiced)
                    differences.Add(Math.Abs(file[i].FrequencyHz - live[j].FrequencyHz));
            }
            var agreement = compared == 0 ? 0 : (double)agreed / compared;
            if (agreement > best.Agreement && differences.Count > 0)
            {
                differences.Sort();
                best = (shift, agreement, differences[differences.Count / 2]);
            }
        }
        return best;
    }
}
