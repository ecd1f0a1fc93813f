using System.Net;
using Microsoft.AspNetCore.Http;

namespace MirrorSense.Dashboard.Http;

/// <summary>
/// Answers only requests addressed to an IP literal or "localhost". A web page elsewhere can point a DNS name of its
/// own at 127.0.0.1 (DNS rebinding) and would then read the camera stream as same-origin; such requests carry that
/// name in Host and are refused here.
/// </summary>
internal static class HostGuard
{
    public static bool Allows(HostString host) =>
        host.HasValue
        && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host.Host, out _));

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!Allows(context.Request.Host))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            return;
        }

        await next(context);
    }
}
