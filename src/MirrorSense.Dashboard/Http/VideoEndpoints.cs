using System.Globalization;
using System.Text;
using MirrorSense.Dashboard.Streaming;
using Microsoft.AspNetCore.Http;

namespace MirrorSense.Dashboard.Http;

/// <summary>
/// GET /video.mjpg (multipart/x-mixed-replace, which an &lt;img&gt; plays natively) and GET /frame.jpg. Each part is
/// the newest frame when the connection is ready for it, so a slow viewer sees fewer frames, never older ones.
/// </summary>
internal sealed class VideoEndpoints(LatestVideoFrame video, DashboardFeed feed, CancellationToken serverStopping)
{
    private const string Boundary = "mirrorsense-frame";
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
                             $"X-Captured-Ms: {feed.CapturedUnixMs(frame.Time).ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
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
        context.Response.Headers["X-Captured-Ms"] = feed.CapturedUnixMs(frame.Time).ToString(CultureInfo.InvariantCulture);
        await context.Response.Body.WriteAsync(frame.Jpeg, context.RequestAborted);
    }
}
