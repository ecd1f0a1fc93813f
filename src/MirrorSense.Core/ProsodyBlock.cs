namespace MirrorSense.Core;

/// <summary>
/// What one block of a voice's audio made final: the prosody frames and the inter-pausal units those frames closed.
/// The live voice's step, so that frames and units leave the prosody stage together and in order.
/// </summary>
/// <param name="Start">Media time of the block's first sample.</param>
public sealed record ProsodyBlock(MediaTime Start, IReadOnlyList<ProsodyFrame> Frames, IReadOnlyList<SpeechUnit> Units);
