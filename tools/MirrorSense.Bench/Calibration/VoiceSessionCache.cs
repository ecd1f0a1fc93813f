using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Prosody;
using MirrorSense.Synchrony.Coordination;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// Analysed sessions kept in the work folder, so a rerun after a change to the measures skips espeak-ng and prosody.
/// Each entry is named by the session's seed and the builds of the corpus and of the prosody analyzer, so a change to
/// either renders and analyses the session anew instead of reading a stale one.
/// </summary>
internal sealed class VoiceSessionCache(string folder)
{
    /// <summary>No count of syllables is negative, so this one stands for none counted.</summary>
    private const int NotCounted = -1;

    private static readonly string Builds =
        $"{typeof(VoiceSessionCache).Assembly.ManifestModule.ModuleVersionId:N}-{typeof(ProsodyAnalyzer).Assembly.ManifestModule.ModuleVersionId:N}"[..24];

    public VoiceSession GetOrAdd(int seed, Func<VoiceSession> analyse)
    {
        var path = Path.Combine(folder, $"{seed}-{Builds}.bin");
        if (File.Exists(path))
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            return new VoiceSession(seed, Read(reader, Participant.A), Read(reader, Participant.B), reader.ReadDouble());
        }

        var session = analyse();
        Directory.CreateDirectory(folder);
        var partial = path + ".part";
        using (var writer = new BinaryWriter(File.Create(partial)))
        {
            Write(writer, session.A);
            Write(writer, session.B);
            writer.Write(session.AnswerLagSeconds);
        }

        File.Move(partial, path, overwrite: true);
        return session;
    }

    private static void Write(BinaryWriter writer, SpeakerVoice voice)
    {
        writer.Write(voice.Frames.Length);
        foreach (var frame in voice.Frames)
        {
            writer.Write(frame.Time.Microseconds);
            writer.Write(frame.FrequencyHz);
            writer.Write(frame.IntensityDb);
        }

        writer.Write(voice.Units.Length);
        foreach (var unit in voice.Units)
        {
            writer.Write(unit.Start.Microseconds);
            writer.Write(unit.End.Microseconds);
            writer.Write(unit.MeanPitchSemitones);
            writer.Write(unit.MeanIntensityDb);
            writer.Write(unit.Syllables ?? NotCounted);
        }
    }

    private static SpeakerVoice Read(BinaryReader reader, Participant speaker)
    {
        var frames = ImmutableArray.CreateBuilder<ProsodyFrame>(reader.ReadInt32());
        for (var i = 0; i < frames.Capacity; i++)
            frames.Add(new ProsodyFrame(new MediaTime(reader.ReadInt64()), reader.ReadDouble(), reader.ReadDouble()));
        var units = ImmutableArray.CreateBuilder<SpeechUnit>(reader.ReadInt32());
        for (var i = 0; i < units.Capacity; i++)
        {
            var start = new MediaTime(reader.ReadInt64());
            var end = new MediaTime(reader.ReadInt64());
            var pitch = reader.ReadDouble();
            var intensity = reader.ReadDouble();
            var syllables = reader.ReadInt32();
            units.Add(new SpeechUnit(speaker, start, end, pitch, intensity, syllables == NotCounted ? null : syllables));
        }

        return new SpeakerVoice(speaker, frames.MoveToImmutable(), units.MoveToImmutable());
    }
}
