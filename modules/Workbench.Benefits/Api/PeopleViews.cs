using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Api;

/// <param name="HolderName">Null for whoever lacks <c>ViewBenefitsPersonalData</c>.</param>
public sealed record CardView(Guid Id, string Number, string? HolderName, DateOnly ValidFrom, DateOnly ValidTo, bool Blocked, string? BlockedReason, Guid? ReplacesId, DateTime IssuedUtc)
{
    public static CardView Of(ResidentCard c, bool personal) =>
        new(c.Id, c.Number, personal ? c.HolderName : null, c.ValidFrom, c.ValidTo, c.Blocked, c.BlockedReason, c.ReplacesId, c.IssuedUtc);
}

public sealed record StatusImportResult(int Imported, int Replaced);

public sealed record StatusSummary(int Records, int RetentionDays);

public sealed record RetentionInput(int? Days);

public sealed record PurgeView(int Purged, DateOnly EndedBefore);

public sealed record PersonLookupInput(string? PersonalCode);

public sealed record PersonStatusView(string Group, DateOnly ValidFrom, DateOnly ValidTo, string Source, bool DeclaredResidence);

/// <summary>What is known of one person: their group memberships and cards.</summary>
public sealed record PersonView(IReadOnlyList<PersonStatusView> Statuses, IReadOnlyList<CardView> Cards);
