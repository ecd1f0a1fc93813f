namespace MirrorSense.Dashboard.Wire;

/// <summary>The body of POST /consent: both people must tick "I agree to being captured".</summary>
internal sealed record ConsentRequest(bool AgreeA, bool AgreeB);
