using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Exports;
using Workbench.Abstractions.Security;
using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Api;

/// <summary>
/// REST API of civil protection: <c>/{tenant}/api/civil-protection</c>. Restricted by default: whoever does not hold
/// <c>ViewCivilProtection</c> (anonymous callers too) gets 404 for every operation, as if the module were not there;
/// changes need <c>ManageCivilProtection</c>. Reads of an alerting list and every export are audited. Only the public
/// shelters and gathering points are open to everyone, at <c>/{tenant}/api/public/shelters</c>.
/// </summary>
public static class CivilProtectionApi
{
    private const string Tag = "CivilProtection";

    public static IEndpointRouteBuilder MapCivilProtectionApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/civil-protection").WithTags(Tag)
            .WithMetadata(new HiddenWithoutPermissionAttribute(CivilProtectionManifest.ViewCivilProtection))
            .RequireAuthorization(PermissionNames.Policy(CivilProtectionManifest.ViewCivilProtection));
        var manage = PermissionNames.Policy(CivilProtectionManifest.ManageCivilProtection);

        api.MapGet("/resource-types", Types).WithSummary("The typing scheme: category → kind → type with its capability metric");
        api.MapPost("/resource-types", SaveType).RequireAuthorization(manage).WithSummary("Creates a type, or changes the one with the same code");

        api.MapGet("/resources", Resources).WithSummary("?type=<code>&availability=&ownerKind=");
        api.MapPost("/resources", CreateResource).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/resources/{id:guid}", Resource);
        api.MapPut("/resources/{id:guid}", UpdateResource).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/resources/{id:guid}/availability", SetAvailability).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("{\"availability\": \"Available\"|\"OutOfService\", \"reason\"}; committing goes through /commitments");
        api.MapPost("/resources/{id:guid}/checked", Checked).RequireAuthorization(manage).WithSummary("{\"checked\": \"yyyy-MM-dd\"} (default today)");
        api.MapGet("/resources/{id:guid}/history", History).WithSummary("Every change of the resource's availability, oldest first");

        api.MapGet("/shelters", Shelters);
        api.MapPost("/shelters", CreateShelter).RequireAuthorization(manage);
        api.MapGet("/shelters/{id:guid}", Shelter);
        api.MapPut("/shelters/{id:guid}", UpdateShelter).RequireAuthorization(manage);

        api.MapGet("/scenarios", Scenarios);
        api.MapPost("/scenarios", CreateScenario).RequireAuthorization(manage);
        api.MapGet("/scenarios/{id:guid}", Scenario).WithSummary("The scenario without its alerting list (read that from …/alerting-list, audited)");
        api.MapPut("/scenarios/{id:guid}", UpdateScenario).RequireAuthorization(manage).WithSummary("Replaces the scenario whole: areas, requirements, people, alerting list, routes");
        api.MapGet("/scenarios/{id:guid}/alerting-list", AlertingList).WithSummary("The alerting list in calling order; every read is audited");
        api.MapPost("/scenarios/{id:guid}/alerting-list/confirm", ConfirmAlertingList).RequireAuthorization(manage).WithSummary("The list was checked and is current (today)");
        api.MapGet("/scenarios/{id:guid}/readiness", ScenarioReadiness).WithSummary("Required vs available by type, shelter capacity vs population, overdue checks, alerting list older than ?months= (6)");
        api.MapGet("/readiness", AllReadiness).WithSummary("Readiness of every scenario");
        api.MapGet("/scenarios/{id:guid}/cap", CapAlert).Produces<string>(StatusCodes.Status200OK, "application/cap+xml")
            .WithSummary("CAP 1.2 alert draft (?status=Actual|Exercise|Test, default Exercise); audited");
        api.MapGet("/scenarios/{id:guid}/geojson", GeoJson).Produces<string>(StatusCodes.Status200OK, "application/geo+json").WithSummary("Areas, routes, gathering points and resources as GeoJSON; audited");
        api.MapGet("/scenarios/{id:guid}/resources.csv", ResourcesCsv).Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("The resources of the types the scenario needs; audited");
        api.MapGet("/map", Map).WithSummary("The map's layers (?scenarioId= for one scenario's areas and routes)");

        api.MapGet("/commitments", Commitments);
        api.MapPost("/commitments", Commit).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("{\"name\", \"kind\": \"Exercise\"|\"Event\", \"scenarioId\", \"resources\": [id…]}: the resources become Committed");
        api.MapPost("/commitments/{id:guid}/release", Release).RequireAuthorization(manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The committed resources become Available again");

        routes.MapGet("/api/public/shelters", PublicShelters).WithTags(Tag).AllowAnonymous()
            .WithSummary("The shelters and gathering points the municipality made public: name, address, capacity, what to bring");
        return routes;
    }

    /// <summary>A resource with its type's code and when its next check is due.</summary>
    public sealed record ResourceView(
        Guid Id, string Name, string Type, int Quantity, OwnerKind OwnerKind, string Owner, string ContactName, string? ContactPhone, string? ContactEmail,
        string? Address, double? Latitude, double? Longitude, Availability Availability, DateOnly? LastChecked, int CheckIntervalDays, DateOnly? NextCheck, DateTime UpdatedUtc);

    public sealed record ScenarioSummary(Guid Id, string Name, ScenarioType Type, DateOnly? AlertingListConfirmedOn, DateTime UpdatedUtc);

    /// <summary>What the public site shows of a public shelter or gathering point.</summary>
    public sealed record PublicShelter(Guid Id, string Name, ShelterKind Kind, string Address, int Capacity, string? WhatToBring, double? Latitude, double? Longitude, bool Accessible);

    private static async Task<Ok<List<ResourceType>>> Types(RegisterService register, CancellationToken ct) => TypedResults.Ok(await register.TypesAsync(ct));

    private static async Task<Results<Ok<ResourceType>, ValidationProblem>> SaveType(ResourceTypeInput input, RegisterService register, CancellationToken ct) =>
        Validation.Check(input) is { IsValid: false } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await register.SaveTypeAsync(input, ct));

    private static async Task<Ok<List<ResourceView>>> Resources(string? type, Availability? availability, OwnerKind? ownerKind, RegisterService register, CancellationToken ct)
    {
        var codes = (await register.TypesAsync(ct)).ToDictionary(t => t.Id, t => t.Code);
        return TypedResults.Ok((await register.ResourcesAsync(new(type, availability, ownerKind), ct)).Select(r => View(r, codes)).ToList());
    }

    private static async Task<Results<Ok<ResourceView>, NotFound>> Resource(Guid id, RegisterService register, CancellationToken ct) =>
        await register.ResourceAsync(id, ct) is { } resource ? TypedResults.Ok(await ViewAsync(resource, register, ct)) : TypedResults.NotFound();

    private static async Task<Results<Created<ResourceView>, ValidationProblem>> CreateResource(ResourceInput input, RegisterService register, CancellationToken ct)
    {
        if (await register.ValidateAsync(input, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var resource = await register.CreateResourceAsync(input, ct);
        return TypedResults.Created($"api/civil-protection/resources/{resource.Id}", await ViewAsync(resource, register, ct));
    }

    private static async Task<Results<Ok<ResourceView>, ValidationProblem, NotFound>> UpdateResource(Guid id, ResourceInput input, RegisterService register, CancellationToken ct)
    {
        if (await register.ResourceAsync(id, ct) is null) return TypedResults.NotFound();
        if (await register.ValidateAsync(input, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await ViewAsync(await register.UpdateResourceAsync(id, input, ct), register, ct));
    }

    private static async Task<Results<Ok<ResourceView>, NotFound>> SetAvailability(Guid id, AvailabilityInput input, RegisterService register, CancellationToken ct) =>
        await register.ResourceAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await ViewAsync(await register.SetAvailabilityAsync(id, input, ct), register, ct));

    private static async Task<Results<Ok<ResourceView>, NotFound>> Checked(Guid id, CheckInput input, RegisterService register, CancellationToken ct) =>
        await register.ResourceAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await ViewAsync(await register.CheckedAsync(id, input, ct), register, ct));

    private static async Task<Results<Ok<List<AvailabilityChange>>, NotFound>> History(Guid id, RegisterService register, CancellationToken ct) =>
        await register.ResourceAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await register.HistoryAsync(id, ct));

    private static async Task<Ok<List<Shelter>>> Shelters(RegisterService register, CancellationToken ct) => TypedResults.Ok(await register.SheltersAsync(publicOnly: false, ct));

    private static async Task<Results<Ok<Shelter>, NotFound>> Shelter(Guid id, RegisterService register, CancellationToken ct) =>
        await register.ShelterAsync(id, ct) is { } shelter ? TypedResults.Ok(shelter) : TypedResults.NotFound();

    private static async Task<Results<Created<Shelter>, ValidationProblem>> CreateShelter(ShelterInput input, RegisterService register, CancellationToken ct)
    {
        if (Validation.Check(input) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var shelter = await register.SaveShelterAsync(null, input, ct);
        return TypedResults.Created($"api/civil-protection/shelters/{shelter.Id}", shelter);
    }

    private static async Task<Results<Ok<Shelter>, ValidationProblem, NotFound>> UpdateShelter(Guid id, ShelterInput input, RegisterService register, CancellationToken ct)
    {
        if (await register.ShelterAsync(id, ct) is null) return TypedResults.NotFound();
        if (Validation.Check(input) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await register.SaveShelterAsync(id, input, ct, create: false));
    }

    private static async Task<Ok<List<ScenarioSummary>>> Scenarios(ScenarioService scenarios, CancellationToken ct) =>
        TypedResults.Ok((await scenarios.ScenariosAsync(ct)).Select(Summary).ToList());

    private static async Task<Results<Ok<ScenarioView>, NotFound>> Scenario(Guid id, ScenarioService scenarios, CancellationToken ct) =>
        await scenarios.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await scenarios.ViewAsync(id, ct));

    private static async Task<Results<Created<ScenarioView>, ValidationProblem>> CreateScenario(ScenarioInput input, ScenarioService scenarios, CancellationToken ct)
    {
        if (await scenarios.ValidateAsync(input, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var scenario = await scenarios.CreateAsync(input, ct);
        return TypedResults.Created($"api/civil-protection/scenarios/{scenario.Id}", await scenarios.ViewAsync(scenario.Id, ct));
    }

    private static async Task<Results<Ok<ScenarioView>, ValidationProblem, NotFound>> UpdateScenario(Guid id, ScenarioInput input, ScenarioService scenarios, CancellationToken ct)
    {
        if (await scenarios.FindAsync(id, ct) is null) return TypedResults.NotFound();
        if (await scenarios.ValidateAsync(input, ct) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        await scenarios.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await scenarios.ViewAsync(id, ct));
    }

    private static async Task<Results<Ok<AlertingListView>, NotFound>> AlertingList(Guid id, ScenarioService scenarios, CancellationToken ct) =>
        await scenarios.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await scenarios.AlertingListAsync(id, "api", ct));

    private static async Task<Results<Ok<ScenarioSummary>, NotFound>> ConfirmAlertingList(Guid id, ScenarioService scenarios, CancellationToken ct) =>
        await scenarios.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(Summary(await scenarios.ConfirmAlertingListAsync(id, ct)));

    private static async Task<Results<Ok<ReadinessView>, NotFound>> ScenarioReadiness(Guid id, int? months, ScenarioService scenarios, Readiness readiness, CancellationToken ct) =>
        await scenarios.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await readiness.ForAsync(id, months, ct));

    private static async Task<Ok<List<ReadinessView>>> AllReadiness(int? months, Readiness readiness, CancellationToken ct) => TypedResults.Ok(await readiness.AllAsync(months, ct));

    private static async Task<Results<FileContentHttpResult, NotFound>> CapAlert(Guid id, CapStatus? status, ScenarioService scenarios, Exchange exchange, CancellationToken ct)
    {
        if (await scenarios.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var document = await exchange.CapAsync(id, status ?? CapStatus.Exercise, ct);
        var xml = new StringBuilder();
        await using (var writer = new Utf8StringWriter(xml)) document.Save(writer);
        return TypedResults.File(Encoding.UTF8.GetBytes(xml.ToString()), "application/cap+xml; charset=utf-8", $"cap-{id:N}.xml");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GeoJson(Guid id, ScenarioService scenarios, Exchange exchange, CancellationToken ct) =>
        await scenarios.FindAsync(id, ct) is null ? TypedResults.NotFound()
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(await exchange.GeoJsonAsync(id, ct)), "application/geo+json", $"scenario-{id:N}.geojson");

    private static async Task<Results<FileContentHttpResult, NotFound>> ResourcesCsv(Guid id, ScenarioService scenarios, Exchange exchange, CancellationToken ct) =>
        await scenarios.FindAsync(id, ct) is null ? TypedResults.NotFound() : TypedResults.File(await exchange.CsvAsync(id, ct), Csv.ContentType, $"scenario-{id:N}-resources.csv");

    private static async Task<Ok<MapLayers>> Map(Guid? scenarioId, MapData map, CancellationToken ct) => TypedResults.Ok(await map.LayersAsync(scenarioId, ct));

    private static async Task<Ok<List<CommitmentView>>> Commitments(CommitmentService commitments, CancellationToken ct) => TypedResults.Ok(await commitments.CommitmentsAsync(ct));

    private static async Task<Results<Created<CommitmentView>, ValidationProblem>> Commit(CommitmentInput input, CommitmentService commitments, CancellationToken ct)
    {
        if (Validation.Check(input) is { IsValid: false } errors) return TypedResults.ValidationProblem(errors);
        var commitment = await commitments.CommitAsync(input, ct);
        return TypedResults.Created($"api/civil-protection/commitments/{commitment.Id}", commitment);
    }

    private static async Task<Ok<CommitmentView>> Release(Guid id, CommitmentService commitments, CancellationToken ct) => TypedResults.Ok(await commitments.ReleaseAsync(id, ct));

    private static async Task<Ok<List<PublicShelter>>> PublicShelters(RegisterService register, CancellationToken ct) =>
        TypedResults.Ok((await register.SheltersAsync(publicOnly: true, ct))
            .Select(s => new PublicShelter(s.Id, s.Name, s.Kind, s.Address, s.Capacity, s.WhatToBring, s.Latitude, s.Longitude, s.Accessible)).ToList());

    private static ScenarioSummary Summary(Scenario s) => new(s.Id, s.Name, s.Type, s.AlertingListConfirmedOn, s.UpdatedUtc);

    private static async Task<ResourceView> ViewAsync(Resource r, RegisterService register, CancellationToken ct) =>
        View(r, (await register.TypesAsync(ct)).ToDictionary(t => t.Id, t => t.Code));

    public static ResourceView View(Resource r, IReadOnlyDictionary<Guid, string> codes) =>
        new(r.Id, r.Name, codes.GetValueOrDefault(r.TypeId, "?"), r.Quantity, r.OwnerKind, r.Owner, r.ContactName, r.ContactPhone, r.ContactEmail, r.Address,
            r.Latitude, r.Longitude, r.Availability, r.LastChecked, r.CheckIntervalDays, r.NextCheck, r.UpdatedUtc);

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
