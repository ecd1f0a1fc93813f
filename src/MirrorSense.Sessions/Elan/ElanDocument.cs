using MirrorSense.Core;

namespace MirrorSense.Sessions.Elan;

/// <summary>One annotation on a tier: a stretch of media time and its text.</summary>
public sealed record ElanAnnotation(MediaTime Start, MediaTime End, string Value);

/// <summary>An annotation tier (one per measure, e.g. <c>posture_mirroring</c>), optionally tied to a participant.</summary>
public sealed record ElanTier(string Id, IReadOnlyList<ElanAnnotation> Annotations, string? Participant = null);

/// <summary>What goes into an ELAN 3.0 <c>.eaf</c> file: the tiers, when it was made, and the media it annotates.</summary>
/// <param name="Created">Written as the document's DATE; passed in so a re-run gives the same file.</param>
/// <param name="MediaFile">The session's video or audio (relative to the .eaf, or absolute), if any.</param>
public sealed record ElanDocument(IReadOnlyList<ElanTier> Tiers, DateTimeOffset Created, string? MediaFile = null, string Author = "MirrorSense");
