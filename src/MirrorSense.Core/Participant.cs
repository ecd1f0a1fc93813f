namespace MirrorSense.Core;

/// <summary>
/// One of the two people of a dyad. In rMEA terms A is subject 1 (s1) and B is subject 2 (s2);
/// a positive lag means B follows A.
/// </summary>
public enum Participant
{
    A,
    B,
}

public static class ParticipantExtensions
{
    public static Participant Partner(this Participant participant) =>
        participant == Participant.A ? Participant.B : Participant.A;
}
