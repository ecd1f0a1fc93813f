namespace MirrorSense.Capture;

/// <summary>Which part of a multi-channel recording one participant is: the left channel (A of a stereo dyad), the right (B), or all channels mixed.</summary>
public enum ChannelSelection
{
    Mix,
    Left,
    Right,
}
