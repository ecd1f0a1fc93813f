namespace MirrorSense.Dashboard.Wire;

/// <summary>The `ended` event: the session is over and its report is at <paramref name="ReportUrl"/>.</summary>
/// <param name="CapturedMs">Always null: the end is not a captured input, but every event carries the field.</param>
internal sealed record EndedMessage(string ReportUrl, long? CapturedMs);
