using MirrorSense.Dashboard.Streaming;
using Microsoft.AspNetCore.Http;

namespace MirrorSense.Dashboard.Http;

/// <summary>
/// GET /events: server-sent events for one page. The page's mailbox holds the newest event of each kind, so while
/// this loop waits on a slow connection new events replace old ones instead of piling up.
/// </summary>
internal sealed class EventStreamEndpoint(EventBroadcaster events, CancellationToken serverStopping)
{
    private static readonly byte[] Opening = ": connected\n\n"u8.ToArray();

    public async Task StreamAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var cancellationToken = ending.Token;

        var mailbox = events.Connect();
        var batch = new ServerSentEvent[DashboardEventKindExtensions.Count];
        try
        {
            // The comment line gets the headers and a first byte out at once, so EventSource reports "open" now.
            await response.Body.WriteAsync(Opening, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var count = await mailbox.TakeAsync(batch, cancellationToken);
                for (var i = 0; i < count; i++)
                    await batch[i].WriteToAsync(response.Body, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                Array.Clear(batch);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away or the server is stopping: the normal end of an event stream.
        }
        finally
        {
            events.Disconnect(mailbox);
        }
    }
}
