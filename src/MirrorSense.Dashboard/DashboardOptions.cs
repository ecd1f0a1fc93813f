namespace MirrorSense.Dashboard;

/// <summary>
/// How the live page is served. <paramref name="Bind"/> is the one IP address Kestrel listens on (loopback by
/// default: the page shows camera images and must not be reachable from the network unless the operator says so);
/// <paramref name="Port"/> 0 picks a free port; <paramref name="Cues"/> false removes the coaching cue area.
/// </summary>
public sealed record DashboardOptions(string Bind = "127.0.0.1", int Port = 5180, bool Cues = true, string Title = "MirrorSense live");
