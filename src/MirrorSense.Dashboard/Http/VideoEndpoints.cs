using System.Globalization;
using System.Text;
using MirrorSense.Dashboard.Streaming;
using Microsoft.AspNetCore.Http;

namespace MirrorSense.Dashboard.Http;

/// <summary>
/// GET /video.mjpg (multipart/x-mixed-replace) and GET /frame.jpg. Each part is the newest frame when the connection
/// is ready for it, so a slow viewer sees fewer frames, never older ones. Every picture says its media time
/// (X-Media-Time, seconds written exactly as the `pose` event's time_s) so the page can draw the skeleton of that
/// moment over it, and its capture instant (X-Captured-Ms).
/// </summary>
internal sealed class VideoEndpoints(LatestVideoFrame video, DashboardFeed feed, CancellationToken serverStopping)
{
    private const string Boundary = "mirrorsense-frame";
    private const string MediaTimeHeader = "X-Media-Time";
    private const string CapturedHeader = "X-Captured-Ms";
    private static readonly byte[] PartEnd = "\r\n"u8.ToArray();

    public async Task StreamAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary}";
        response.Headers.CacheControl = "no-store";
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var cancellationToken = ending.Token;
        try
        {
            await response.StartAsync(cancellationToken);
            long seen = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                (var frame, seen) = await video.NextAsync(seen, cancellationToken);
                var header = $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {frame.Jpeg.Length}\r\n" +
                             $"{MediaTimeHeader}: {MediaTimeOf(frame)}\r\n{CapturedHeader}: {CapturedMsOf(frame)}\r\n\r\n";
                await response.Body.WriteAsync(Encoding.ASCII.GetBytes(header), cancellationToken);
                await response.Body.WriteAsync(frame.Jpeg, cancellationToken);
                await response.Body.WriteAsync(PartEnd, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The viewer went away or the server is stopping.
        }
    }

    public async Task FrameAsync(HttpContext context)
    {
        if (video.Current is not { } frame)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("No camera frame yet.", context.RequestAborted);
            return;
        }

        context.Response.ContentType = "image/jpeg";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers[MediaTimeHeader] = MediaTimeOf(frame);
        context.Response.Headers[CapturedHeader] = CapturedMsOf(frame);
        await context.Response.Body.WriteAsync(frame.Jpeg, context.RequestAborted);
    }

    // "R" is the shortest round-trip form, the same digits the JSON serializer writes, so the page can compare exactly.
    private static string MediaTimeOf(VideoFrame frame) => frame.Time.Seconds.ToString("R", CultureInfo.InvariantCulture);

    private string CapturedMsOf(VideoFrame frame) => feed.CapturedUnixMs(frame.Time).ToString(CultureInfo.InvariantCulture);
}
