using System.Text.Json;
using MirrorSense.Dashboard.Wire;
using Microsoft.AspNetCore.Http;

namespace MirrorSense.Dashboard.Http;

/// <summary>
/// Capture waits behind this: <see cref="Given"/> completes once both participants agreed on the page. The POST must
/// be JSON from this page's own origin, so another web site open in the same browser cannot consent for them
/// (a cross-site JSON POST needs a CORS preflight, which this server never grants).
/// </summary>
internal sealed class ConsentGate
{
    private readonly TaskCompletionSource _given = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Given => _given.Task;

    public Task StatusAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new ConsentStatus(_given.Task.IsCompleted), DashboardJson.Default.ConsentStatus, cancellationToken: context.RequestAborted);

    public async Task AcceptAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (request.Headers.Origin is [{ } origin] && !SameOrigin(origin, request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        ConsentRequest? agreements;
        try
        {
            agreements = await request.ReadFromJsonAsync(DashboardJson.Default.ConsentRequest, context.RequestAborted);
        }
        catch (JsonException)
        {
            agreements = null;
        }

        if (agreements is not { AgreeA: true, AgreeB: true })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Both participants must agree to being captured.", context.RequestAborted);
            return;
        }

        _given.TrySetResult();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
