using System.Text;

namespace MirrorSense.Dashboard.Streaming;

/// <summary>One event ready for the wire: its type and its JSON, serialized once however many clients get it.</summary>
internal sealed record ServerSentEvent(DashboardEventKind Kind, ReadOnlyMemory<byte> Json)
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    /// <summary>Writes the event in text/event-stream framing (the JSON has no newlines, so one data line).</summary>
    public async Task WriteToAsync(Stream body, CancellationToken cancellationToken)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes($"event: {Kind.WireName()}\n"), cancellationToken);
        await body.WriteAsync(DataPrefix, cancellationToken);
        await body.WriteAsync(Json, cancellationToken);
        await body.WriteAsync(EventEnd, cancellationToken);
    }
}
