using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Abstractions.Validation;
using Workbench.Benefits.Domain;

namespace Workbench.Benefits.Api;

/// <summary>
/// Providers with their contracts (<c>/{tenant}/api/benefits/providers</c>), the eligibility API for their machine clients
/// (<c>POST …/eligibility</c>) and the monthly checks (<c>GET …/kpi/checks</c>).
/// </summary>
public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapBenefitsProvidersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/benefits").WithTags(BenefitsApi.Tag);
        var view = PermissionNames.Policy(BenefitsManifest.ViewBenefits);
        var manage = PermissionNames.Policy(BenefitsManifest.ManageBenefits);

        api.MapGet("/providers", Providers).RequireAuthorization(view);
        api.MapGet("/providers/{id:guid}", Provider).RequireAuthorization(view);
        api.MapPost("/providers", CreateProvider).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("{name, clientId, contractNumber, contractFrom, contractTo, reliefs: [code…]}: clientId is the provider's machine client (client credentials)");
        api.MapPut("/providers/{id:guid}", UpdateProvider).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/kpi/checks", Checks).RequireAuthorization(view).WithSummary("Eligibility checks per month, provider and relief (eligible / not eligible)");

        api.MapPost("/eligibility", Check).RequireAuthorization(PermissionNames.Policy(BenefitsManifest.CheckBenefitsEligibility))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("A provider's machine client asks {cardNumber | personalCode, reliefId | relief (code), date}: {eligible, reliefId, group, validUntil, reason}. " +
                         "Reasons: eligible, relief_not_in_force, identification_not_accepted, card_unknown, card_blocked, card_expired, no_status, " +
                         "status_not_valid_on_date, rule_not_in_force, age_out_of_range, no_declared_residence, state_status_missing. " +
                         "A relief outside the provider's contract: 403; audited; rate-limited per provider");
        return routes;
    }

    public sealed record ProviderView(Guid Id, string Name, string ClientId, string? ContractNumber, DateOnly ContractFrom, DateOnly? ContractTo, IReadOnlyList<string> Reliefs)
    {
        public static ProviderView Of(Provider p) => new(p.Id, p.Name, p.ClientId, p.ContractNumber, p.ContractFrom, p.ContractTo, p.Reliefs);
    }

    public sealed record EligibilityInput(string? CardNumber, string? PersonalCode, Guid? ReliefId, string? Relief, DateOnly? Date);

    public sealed record EligibilityView(bool Eligible, Guid ReliefId, string? Group, DateOnly? ValidUntil, string Reason);

    public sealed record CheckCount(string Month, Guid ProviderId, string Provider, string Relief, int Eligible, int NotEligible);

    private static async Task<Ok<List<ProviderView>>> Providers(ProviderService providers, CancellationToken ct) =>
        TypedResults.Ok((await providers.ListAsync(ct)).Select(ProviderView.Of).ToList());

    private static async Task<Results<Ok<ProviderView>, NotFound>> Provider(Guid id, ProviderService providers, CancellationToken ct) =>
        await providers.FindAsync(id, ct) is { } p ? TypedResults.Ok(ProviderView.Of(p)) : TypedResults.NotFound();

    private static async Task<Results<Created<ProviderView>, ValidationProblem>> CreateProvider(ProviderInput input, ProviderService providers, CancellationToken ct)
    {
        if (await providers.ValidateAsync(input, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var provider = await providers.SaveAsync(null, input, ct);
        return TypedResults.Created($"api/benefits/providers/{provider.Id}", ProviderView.Of(provider));
    }

    private static async Task<Results<Ok<ProviderView>, ValidationProblem, NotFound>> UpdateProvider(Guid id, ProviderInput input, ProviderService providers, CancellationToken ct)
    {
        if (await providers.FindAsync(id, ct) is null) return TypedResults.NotFound();
        if (await providers.ValidateAsync(input, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(ProviderView.Of(await providers.SaveAsync(id, input, ct)));
    }

    private static async Task<Ok<List<CheckCount>>> Checks(EligibilityService eligibility, CancellationToken ct) =>
        TypedResults.Ok((await eligibility.TalliesAsync(ct)).Select(t => new CheckCount(t.Month, t.Provider.Id, t.Provider.Name, t.Relief, t.Eligible, t.NotEligible)).ToList());

    private static async Task<Results<Ok<EligibilityView>, ValidationProblem, ProblemHttpResult>> Check(
        EligibilityInput input, ClaimsPrincipal user, ProviderService providers, CatalogueService catalogue, EligibilityService eligibility,
        EligibilityLimiter limiter, ITenantContext tenant, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        string? code = null;
        errors.When((input.CardNumber is null) == (input.PersonalCode is null), "cardNumber", "Jānorāda vai nu kartes numurs, vai personas kods (viens no tiem).");
        if (input.PersonalCode is not null)
        {
            if (PersonalCodes.Check(input.PersonalCode, out var normalized, out _) is { } wrong) errors.Add("personalCode", wrong);
            else code = normalized;
        }
        errors.When(input.ReliefId is null && string.IsNullOrWhiteSpace(input.Relief), "reliefId", "Jānorāda atvieglojums (reliefId vai relief kods).");
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors);

        var provider = await providers.ByClientAsync(user.Identity?.Name ?? "", ct)
            ?? throw new UnauthorizedAccessException("Šis klients nav reģistrēts kā atvieglojuma piemērotājs.");
        if (!limiter.TryAcquire(tenant.Required.Name, provider.Id))
            return TypedResults.Problem("Pārāk daudz pārbaužu; mēģiniet pēc minūtes.", statusCode: StatusCodes.Status429TooManyRequests);
        var relief = (input.ReliefId is { } id ? await catalogue.FindAsync(id, ct) : await catalogue.FindAsync(input.Relief!.Trim(), ct))
            ?? throw new KeyNotFoundException("Atvieglojums nav atrasts.");
        var date = input.Date ?? catalogue.Today;
        if (!provider.CoversOn(relief.Code, date))
            throw new UnauthorizedAccessException($"Piemērotāja \"{provider.Name}\" līgums neattiecas uz atvieglojumu \"{relief.Code}\" {date:dd.MM.yyyy}.");
        var answer = await eligibility.CheckAsync(new EligibilityQuestion(provider, relief, input.CardNumber?.Trim(), code, date), ct);
        return TypedResults.Ok(new EligibilityView(answer.Eligible, answer.ReliefId, answer.Group, answer.ValidUntil, answer.Reason));
    }
}
