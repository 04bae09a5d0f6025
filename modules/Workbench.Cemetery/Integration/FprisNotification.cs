using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Integration;
using Workbench.Cemetery.Domain;

namespace Workbench.Cemetery.Integration;

/// <summary>
/// A burial reported to the Natural Persons Register (FPRIS). Our JSON contract (FPRIS publishes none; see the module
/// README): POSTed to <c>Workbench:Integrations:Fpris:Url</c> with the header <c>Idempotency-Key</c> =
/// <see cref="KeyOf"/>, the same on every retry, so a repeated delivery is recognisable as one notification.
/// </summary>
public sealed record FprisNotification(
    string Municipality, Guid BurialId, string? PersonalCode, string? GivenName, string? FamilyName, bool Unidentified,
    DateOnly? BirthDate, DateOnly? DeathDate, DateOnly BurialDate, string BurialType, string Cemetery, string? CemeteryAddress, string SiteNumber)
{
    public static string KeyOf(string tenant, Guid burialId) => $"cemetery:{tenant}:burial:{burialId}";

    public static FprisNotification Of(string tenant, Burial b, Domain.Cemetery c, GraveSite s) => new(
        tenant, b.Id, b.PersonalCode, b.GivenName, b.FamilyName, b.Unidentified, b.BirthDate, b.DeathDate, b.BurialDate,
        b.Type == Domain.BurialType.Coffin ? "coffin" : "urn", c.Name, c.Address, s.Number);
}

public sealed class FprisAdapter(IHttpClientFactory http, IConfiguration configuration) : JsonPostAdapter(http, configuration, "Fpris")
{
    public const string AdapterName = "fpris";

    public override string Name => AdapterName;
}
