namespace Workbench.CouncilSessions.Domain;

/// <summary>klātienē, attālināti, nav ieradies.</summary>
public enum AttendanceMode { InRoom, Remote, Absent }

/// <summary>A person's presence at a meeting: the latest join and, once they leave, the time they left.</summary>
public sealed class Attendance
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public AttendanceMode Mode { get; set; }
    public DateTime? JoinedUtc { get; set; }
    public DateTime? LeftUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public bool IsPresent => Mode != AttendanceMode.Absent && JoinedUtc is not null && LeftUtc is null;
}

/// <summary>par, pret, atturas.</summary>
public enum VoteChoice { For, Against, Abstain }

public enum VoteEventState { Open, Closed }

/// <summary>One vote on a motion (balsojums); a re-vote is a new event. Counts are fixed when it closes.</summary>
public sealed class VoteEvent
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid AgendaItemId { get; set; }
    public required string Motion { get; set; }
    public VoteEventState State { get; set; }
    public DateTime OpenedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    /// <summary>Members with voting right, and those of them present, when the vote opened.</summary>
    public int VotingMembers { get; set; }
    public int Present { get; set; }
    public int For { get; set; }
    public int Against { get; set; }
    public int Abstain { get; set; }
    public bool? Passed { get; set; }
}

/// <summary>An individual vote: who, what, when, from where (room terminal, remote device, API).</summary>
public sealed class Vote
{
    public Guid Id { get; set; }
    public Guid VoteEventId { get; set; }
    public Guid PersonId { get; set; }
    public VoteChoice Choice { get; set; }
    public DateTime CastUtc { get; set; }
    public required string Channel { get; set; }
}

/// <summary>The live count of a vote, as every screen shows it.</summary>
public sealed record Tally(Guid VoteEventId, VoteEventState State, int VotingMembers, int Present, int For, int Against, int Abstain, bool? Passed)
{
    public int Cast => For + Against + Abstain;
}
