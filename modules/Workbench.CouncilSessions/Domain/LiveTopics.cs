namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// What the council's live screens watch (<c>IChangeSignals</c> topics): a vote's tally, every vote of a meeting, a
/// meeting's quorum. A signal only says "changed"; each screen then reads the current value itself, on whichever node
/// serves it.
/// </summary>
public static class LiveTopics
{
    public const string Tally = "council.tally";
    public const string MeetingVotes = "council.meeting-votes";
    public const string Quorum = "council.quorum";
}

/// <summary>A meeting's quorum as the screens show it.</summary>
public sealed record QuorumStatus(Guid MeetingId, int VotingMembers, int Present, bool Quorum);
