using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Api;

/// <summary>A burial as staff see it: the personal code only for ViewCemeteryPersonalData.</summary>
public sealed record BurialView(
    Guid Id, Guid CemeteryId, Guid SiteId, string? GivenName, string? FamilyName, string? PersonalCode, bool HasPersonalCode, DateOnly? BirthDate, DateOnly? DeathDate,
    bool Unidentified, DateOnly BurialDate, TimeOnly? SlotStart, BurialType Type, double? DepthM, bool DoNotPublish)
{
    public static BurialView Of(Burial b, bool personalData) => new(
        b.Id, b.CemeteryId, b.SiteId, b.GivenName, b.FamilyName, personalData ? b.PersonalCode : null, b.PersonalCode is not null, b.BirthDate, b.DeathDate,
        b.Unidentified, b.BurialDate, b.SlotStart, b.Type, b.DepthM, b.DoNotPublish);
}

/// <summary>A use right with its fees; the holder's code only for ViewCemeteryPersonalData.</summary>
public sealed record UseRightView(
    Guid Id, Guid SiteId, HolderKind HolderKind, string HolderName, string? HolderCode, string? HolderEmail, string? HolderPhone, string? HolderAddress,
    DateOnly Start, DateOnly End, UseRightState State, Guid? PreviousId, string? ContractNumber, List<FeeView> Fees)
{
    public static UseRightView Of(UseRight u, IEnumerable<UseRightFee> fees, bool personalData, DateOnly today) => new(
        u.Id, u.SiteId, u.HolderKind, u.HolderName, personalData || u.HolderKind == HolderKind.Organisation ? u.HolderCode : null, u.HolderEmail, u.HolderPhone, u.HolderAddress,
        u.Start, u.End, u.State, u.PreviousId, u.ContractNumber, fees.Where(f => f.UseRightId == u.Id).Select(f => FeeView.Of(f, today)).ToList());
}

public sealed record FeeView(Guid Id, Guid UseRightId, string Description, decimal Amount, DateOnly DueDate, DateOnly? PaidOn, FeeStatus Status)
{
    public static FeeView Of(UseRightFee f, DateOnly today) => new(f.Id, f.UseRightId, f.Description, f.Amount, f.DueDate, f.PaidOn, f.StatusOn(today));
}

public sealed record SiteView(
    Guid Id, Guid CemeteryId, string Number, string? Section, string? Row, SiteType Type, int Capacity, double? WidthM, double? LengthM, SiteState State, double[][]? Polygon)
{
    public static SiteView Of(GraveSite s, IReadOnlyDictionary<Guid, string> sections, IReadOnlyDictionary<Guid, string> rows) => new(
        s.Id, s.CemeteryId, s.Number, s.SectionId is { } sid ? sections.GetValueOrDefault(sid) : null, s.RowId is { } rid ? rows.GetValueOrDefault(rid) : null,
        s.Type, s.Capacity, s.WidthM, s.LengthM, s.State, s.Polygon is null ? null : Polygons.FromJson(s.Polygon));
}

/// <summary>A site with everything recorded about it.</summary>
public sealed record SiteDetails(SiteView Site, string Cemetery, List<BurialView> Burials, List<UseRightView> UseRights);

public sealed record SiteRangeResult(int Created, List<SiteView> Sites);
