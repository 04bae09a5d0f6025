namespace Workbench.CouncilSessions.Domain;

/// <summary>What the API, the recipe step and the pages accept (JSON, camelCase).</summary>
public sealed record BodyInput(string? Name, string? ShortName, BodyKind Kind = BodyKind.Committee, DecisionRule Rule = DecisionRule.MajorityOfPresent, MeetingTemplate? Template = null);

public sealed record PersonInput(string? Name, string? Email, string? Affiliation);

public sealed record MembershipInput(Guid PersonId, MemberRole Role = MemberRole.Member, bool VotingRight = true, DateOnly? Start = null, DateOnly? End = null);

public sealed record MeetingInput(
    Guid BodyId, DateTime? StartsAt, MeetingKind Kind = MeetingKind.Regular, MeetingMode Mode = MeetingMode.InPerson,
    string? Place = null, string? RemoteLink = null, Guid? ChairId = null, Guid? MinuteTakerId = null, bool IsPublic = true);

public sealed record AgendaItemInput(string? Title, Guid? RapporteurId = null, string? DraftDecision = null, bool IsPublic = true);
