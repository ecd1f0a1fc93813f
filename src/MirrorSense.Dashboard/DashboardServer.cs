using System.Net;
using System.Net.Sockets;
using System.Reactive.Concurrency;
using MirrorSense.Dashboard.Http;
using MirrorSense.Dashboard.Streaming;
using MirrorSense.Dashboard.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MirrorSense.Dashboard;

/// <summary>
/// The live feedback page, served by an in-process Kestrel on one address (<see cref="DashboardOptions.Bind"/>,
/// loopback by default). The `live` command starts it, awaits <see cref="ConsentGiven"/> before opening any camera
/// or microphone, and calls <see cref="SessionEnded"/> with the report it wrote.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IDisposable _subscription;
    private readonly ConsentGate _consent;
    private readonly SessionReport _report;
    private readonly EventBroadcaster _events;

    private DashboardServer(WebApplication app, Uri address, IDisposable subscription, ConsentGate consent, SessionReport report, EventBroadcaster events)
    {
        _app = app;
        Address = address;
        _subscription = subscription;
        _consent = consent;
        _report = report;
        _events = events;
    }

    /// <summary>Where the page is, with the port actually bound (useful with port 0).</summary>
    public Uri Address { get; }

    /// <summary>Completes when both participants agreed on the page's consent screen and pressed Start.</summary>
    public Task ConsentGiven => _consent.Given;

    internal EventBroadcaster Events => _events;

    public static Task<DashboardServer> StartAsync(DashboardOptions options, DashboardFeed feed, CancellationToken cancellationToken = default) =>
        StartAsync(options, feed, DefaultScheduler.Instance, cancellationToken);

    /// <param name="scheduler">Paces the pose and health throttles (virtual time in tests).</param>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, DashboardFeed feed, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!IPAddress.TryParse(options.Bind, out var bind))
            throw new ArgumentException($"Bind must be an IP address (e.g. 127.0.0.1), not '{options.Bind}'.", nameof(options));
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
            throw new ArgumentException($"Port must be 0 (any free port) to {IPEndPoint.MaxPort}, not {options.Port}.", nameof(options));

        // The empty builder reads no environment or appsettings, so nothing (ASPNETCORE_URLS included) can widen the bind.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(bind, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();

        var stopping = app.Lifetime.ApplicationStopping;
        var events = new EventBroadcaster();
        var video = new LatestVideoFrame();
        var consent = new ConsentGate();
        var report = new SessionReport();
        var page = new PageAssets(options);
        var stream = new EventStreamEndpoint(events, stopping);
        var videoEndpoints = new VideoEndpoints(video, feed, stopping);

        app.Use(HostGuard.InvokeAsync);
        app.UseRouting();
        app.MapGet("/", page.IndexAsync);
        app.MapGet("/assets/{name}", page.AssetAsync);
        app.MapGet("/events", stream.StreamAsync);
        app.MapGet("/video.mjpg", videoEndpoints.StreamAsync);
        app.MapGet("/frame.jpg", videoEndpoints.FrameAsync);
        app.MapGet("/consent", consent.StatusAsync);
        app.MapPost("/consent", consent.AcceptAsync);
        app.MapGet("/report", report.ServeAsync);

        await app.StartAsync(cancellationToken);
        var address = BoundAddress(app, bind);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<DashboardServer>();
        var subscription = feed.Publish(options.Cues, scheduler, events, video, logger);
        return new DashboardServer(app, address, subscription, consent, report, events);
    }

    /// <summary>
    /// The session is over: the page shows a link to <paramref name="reportFile"/>, which is then served at /report.
    /// The path is the caller's; no request can choose another file.
    /// </summary>
    public void SessionEnded(string reportFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportFile);
        _report.Set(reportFile);
        _events.Publish(DashboardJson.Event(DashboardEventKind.Ended, new EndedMessage("/report", null)));
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Uri BoundAddress(WebApplication app, IPAddress bind)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
        var port = new Uri(bound).Port;
        var host = bind.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bind}]" : bind.ToString();
        return new Uri($"http://{host}:{port}/");
    }
}
