namespace MirrorSense.Dashboard.Wire;

/// <summary>GET /consent: whether capture may start (a page reloaded after consent skips the screen).</summary>
internal sealed record ConsentStatus(bool Given);
