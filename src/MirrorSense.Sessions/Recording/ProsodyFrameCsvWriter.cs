using MirrorSense.Core;
using MirrorSense.Sessions.Prosody;

namespace MirrorSense.Sessions.Recording;

/// <summary>A recording's <c>prosody.csv</c>: both speakers' frames in analyze's dyad layout, as each voice delivers them.</summary>
internal sealed class ProsodyFrameCsvWriter
{
    private readonly TextWriter _writer;

    public ProsodyFrameCsvWriter(TextWriter writer)
    {
        _writer = writer;
        _writer.Write(ProsodyCsvWriter.DyadFrameHeader + "\n");
    }

    public void Write(Participant speaker, ProsodyFrame frame) => ProsodyCsvWriter.WriteFrame(_writer, frame, speaker);
}
