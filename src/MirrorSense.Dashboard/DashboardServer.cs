using System.Net;
using System.Net.Sockets;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
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
    /// <summary>Skeletons go out at most this often: smooth enough to watch, a fraction of the camera's rate in JSON.</summary>
    public static readonly TimeSpan PosePeriod = TimeSpan.FromSeconds(1.0 / 15);

    /// <summary>Capture health changes slowly; twice a second is plenty.</summary>
    public static readonly TimeSpan HealthPeriod = TimeSpan.FromSeconds(0.5);

    private readonly WebApplication _app;
    private readonly CompositeDisposable _subscriptions;
    private readonly ConsentGate _consent;
    private readonly SessionReport _report;
    private readonly EventBroadcaster _events;

    private DashboardServer(WebApplication app, Uri address, CompositeDisposable subscriptions, ConsentGate consent, SessionReport report, EventBroadcaster events)
    {
        _app = app;
        Address = address;
        _subscriptions = subscriptions;
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
        var subscriptions = Subscribe(feed, options, scheduler, events, video, logger);
        return new DashboardServer(app, address, subscriptions, consent, report, events);
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
        _subscriptions.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static CompositeDisposable Subscribe(DashboardFeed feed, DashboardOptions options, IScheduler scheduler, EventBroadcaster events, LatestVideoFrame video, ILogger logger)
    {
        // Errors end that stream for the page but must not reach the capture thread that raised them.
        void Report(string stream, Exception error) => logger.LogWarning(error, "The dashboard's {Stream} stream failed; the page stops showing it.", stream);

        return new CompositeDisposable(
            feed.Video.Subscribe(video.Publish, e => Report("video", e)),
            feed.Updates.Subscribe(
                update =>
                {
                    events.Publish(DashboardJson.Event(DashboardEventKind.Update, UpdateMessage.From(update, feed)));
                    if (options.Cues && update.Cue is { } cue)
                        events.Publish(DashboardJson.Event(DashboardEventKind.Cue, CueMessage.From(cue, feed)));
                },
                e => Report("update", e)),
            feed.Poses.Sample(PosePeriod, scheduler).Subscribe(
                frame =>
                {
                    var size = video.Current is { } latest ? FrameSize.FromJpeg(latest.Jpeg.Span) : null;
                    events.Publish(DashboardJson.Event(DashboardEventKind.Pose, PoseMessage.From(frame, size, feed)));
                },
                e => Report("pose", e)),
            feed.Health.Sample(HealthPeriod, scheduler).Subscribe(
                health => events.Publish(DashboardJson.Event(DashboardEventKind.Health, HealthMessage.From(health, feed))),
                e => Report("health", e)));
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
