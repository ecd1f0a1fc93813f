using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace MirrorSense.Dashboard.Http;

/// <summary>
/// The report file of the ended session, served at /report. Its path comes only from the server side
/// (<see cref="DashboardServer.SessionEnded"/>); nothing in the request (query, route, body) can name a file.
/// </summary>
internal sealed class SessionReport
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private string? _path;

    public bool IsAvailable => Volatile.Read(ref _path) is not null;

    /// <summary>Sets the report once; a session ends only once.</summary>
    public void Set(string reportFile)
    {
        var full = Path.GetFullPath(reportFile);
        if (!File.Exists(full))
            throw new ArgumentException($"The session report '{full}' does not exist.", nameof(reportFile));
        if (Interlocked.CompareExchange(ref _path, full, null) is not null)
            throw new InvalidOperationException("The session has already ended with a report.");
    }

    public async Task ServeAsync(HttpContext context)
    {
        var path = Volatile.Read(ref _path);
        if (path is null || !File.Exists(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("The session report is not ready yet.", context.RequestAborted);
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.SendFileAsync(path, context.RequestAborted);
    }
}
