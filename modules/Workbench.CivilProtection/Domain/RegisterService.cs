using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Validation;
using Workbench.CivilProtection.Data;
using Workbench.CivilProtection.Search;

namespace Workbench.CivilProtection.Domain;

/// <summary>
/// The register: the typing scheme, resources with their availability history, shelters and gathering points. Each
/// change is one transaction with its audit entry and its search entry; an invalid input changes nothing.
/// </summary>
public sealed class RegisterService(CivilProtectionDbContext db, IAuditLog audit, ITenantTransaction transaction, ICurrentActor actor, TimeProvider clock, CivilProtectionSearchSource search)
{
    public const int DefaultCheckIntervalDays = 180;

    public Task<List<ResourceType>> TypesAsync(CancellationToken ct) =>
        db.Types.AsNoTracking().OrderBy(t => t.Category).ThenBy(t => t.Code).ToListAsync(ct);

    public async Task<HashSet<string>> TypeCodesAsync(CancellationToken ct) =>
        (await db.Types.AsNoTracking().Select(t => t.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Creates the type, or changes the one with the same code.</summary>
    public Task<ResourceType> SaveTypeAsync(ResourceTypeInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        Refuse(Validation.Check(input));
        var type = await db.Types.SingleOrDefaultAsync(t => t.Code == input.Code, ct);
        var created = type is null;
        if (type is null) db.Types.Add(type = new ResourceType { Id = Guid.NewGuid(), Code = input.Code! });
        (type.Category, type.Kind, type.Name, type.Metric, type.Capability) = (input.Category!.Value, input.Kind!.Trim(), input.Name!.Trim(), input.Metric!.Trim(), input.Capability!.Value);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(created ? "civil-protection.type.created" : "civil-protection.type.changed", type.Code, null, ct);
        return type;
    }, ct);

    public sealed record ResourceQuery(string? Type = null, Availability? Availability = null, OwnerKind? OwnerKind = null);

    public async Task<List<Resource>> ResourcesAsync(ResourceQuery query, CancellationToken ct)
    {
        var resources = db.Resources.AsNoTracking();
        if (query.Type is { } code) resources = resources.Where(r => db.Types.Any(t => t.Id == r.TypeId && t.Code == code));
        if (query.Availability is { } availability) resources = resources.Where(r => r.Availability == availability);
        if (query.OwnerKind is { } owner) resources = resources.Where(r => r.OwnerKind == owner);
        return await resources.OrderBy(r => r.Name).ToListAsync(ct);
    }

    public Task<Resource?> ResourceAsync(Guid id, CancellationToken ct) => db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    public async Task<Resource> RequiredResourceAsync(Guid id, CancellationToken ct) =>
        await ResourceAsync(id, ct) ?? throw new KeyNotFoundException("Nav tāda resursa.");

    public async Task<ValidationErrors> ValidateAsync(ResourceInput input, CancellationToken ct) => Validation.Check(input, await TypeCodesAsync(ct));

    public Task<Resource> CreateResourceAsync(ResourceInput input, CancellationToken ct, Guid? id = null) => SaveResourceAsync(id ?? Guid.NewGuid(), input, create: true, ct);

    public Task<Resource> UpdateResourceAsync(Guid id, ResourceInput input, CancellationToken ct) => SaveResourceAsync(id, input, create: false, ct);

    private Task<Resource> SaveResourceAsync(Guid id, ResourceInput input, bool create, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        Refuse(Validation.Check(input, await TypeCodesAsync(ct)));
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null && !create) throw new KeyNotFoundException("Nav tāda resursa.");
        var isNew = resource is null;
        if (resource is null) db.Resources.Add(resource = new Resource { Id = id, Availability = input.Availability ?? Availability.Available });
        var before = isNew ? (Availability?)null : resource.Availability;
        resource.Name = input.Name!.Trim();
        resource.TypeId = await db.Types.Where(t => t.Code == input.Type).Select(t => t.Id).SingleAsync(ct);
        resource.Quantity = input.Quantity!.Value;
        resource.OwnerKind = input.OwnerKind!.Value;
        resource.Owner = input.Owner!.Trim();
        (resource.ContactName, resource.ContactPhone, resource.ContactEmail) = (input.ContactName!.Trim(), Blank(input.ContactPhone), Blank(input.ContactEmail)?.ToLowerInvariant());
        (resource.Address, resource.Latitude, resource.Longitude) = (Blank(input.Address), input.Latitude, input.Longitude);
        resource.SetCheck(input.LastChecked, input.CheckIntervalDays ?? DefaultCheckIntervalDays);
        resource.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (input.Availability is { } availability && availability != resource.Availability)
        {
            if (resource.Availability == Availability.Committed || availability == Availability.Committed)
                throw new ConflictException("Resursu piesaista un atbrīvo ar mācību vai notikuma piesaisti.");
            resource.Availability = availability;
        }
        if (before != resource.Availability) History(resource.Id, before, resource.Availability, isNew ? "Reģistrēts" : null, null);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(isNew ? "civil-protection.resource.created" : "civil-protection.resource.changed", resource.Id.ToString(), new { resource.Name, type = input.Type, resource.Quantity, availability = resource.Availability.ToString() }, ct);
        await search.IndexResourceAsync(resource.Id, ct);
        return resource;
    }, ct);

    /// <summary>Marks a resource available or out of service; committing goes through a commitment, so its release follows.</summary>
    public Task<Resource> SetAvailabilityAsync(Guid id, AvailabilityInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var errors = new ValidationErrors()
            .When(input.Availability is null, "availability", "Pieejamība ir obligāta: Available vai OutOfService.")
            .When(input.Availability == Availability.Committed, "availability", "Piesaistiet resursu mācībām vai notikumam.")
            .When(input.Reason is { Length: > 1000 }, "reason", "Ne garāks par 1000 zīmēm.");
        Refuse(errors);
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda resursa.");
        if (resource.Availability == Availability.Committed)
            throw new ConflictException("Resurss ir piesaistīts; vispirms atbrīvojiet to.");
        if (resource.Availability == input.Availability) return resource;
        History(resource.Id, resource.Availability, input.Availability!.Value, Blank(input.Reason), null);
        resource.Availability = input.Availability.Value;
        resource.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("civil-protection.resource.availability", resource.Id.ToString(), new { resource.Name, availability = resource.Availability.ToString(), input.Reason }, ct);
        await search.IndexResourceAsync(resource.Id, ct);
        return resource;
    }, ct);

    /// <summary>Records that the resource was checked (default today).</summary>
    public Task<Resource> CheckedAsync(Guid id, CheckInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.Checked is { } date && date > today) Refuse(new ValidationErrors { { "checked", "Pārbaudes datums nevar būt nākotnē." } });
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new KeyNotFoundException("Nav tāda resursa.");
        resource.SetCheck(input.Checked ?? today, resource.CheckIntervalDays);
        resource.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync("civil-protection.resource.checked", resource.Id.ToString(), new { resource.Name, checkedOn = resource.LastChecked }, ct);
        return resource;
    }, ct);

    public Task<List<AvailabilityChange>> HistoryAsync(Guid id, CancellationToken ct) =>
        db.AvailabilityChanges.AsNoTracking().Where(c => c.ResourceId == id).OrderBy(c => c.ChangedUtc).ToListAsync(ct);

    public Task<List<Shelter>> SheltersAsync(bool publicOnly, CancellationToken ct) =>
        db.Shelters.AsNoTracking().Where(s => !publicOnly || s.IsPublic).OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(ct);

    public Task<Shelter?> ShelterAsync(Guid id, CancellationToken ct) => db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    public Task<Shelter> SaveShelterAsync(Guid? id, ShelterInput input, CancellationToken ct, bool create = true) => transaction.InTransactionAsync(async () =>
    {
        Refuse(Validation.Check(input));
        var shelter = id is { } key ? await db.Shelters.SingleOrDefaultAsync(s => s.Id == key, ct) : null;
        if (shelter is null && !create) throw new KeyNotFoundException("Nav tādas patvertnes vai pulcēšanās vietas.");
        var isNew = shelter is null;
        if (shelter is null) db.Shelters.Add(shelter = new Shelter { Id = id ?? Guid.NewGuid() });
        (shelter.Name, shelter.Kind, shelter.Address, shelter.Latitude, shelter.Longitude, shelter.Capacity) =
            (input.Name!.Trim(), input.Kind!.Value, input.Address!.Trim(), input.Latitude, input.Longitude, input.Capacity!.Value);
        (shelter.Water, shelter.Power, shelter.Heating, shelter.Accessible) = (input.Water, input.Power, input.Heating, input.Accessible);
        (shelter.ResponsibleName, shelter.ResponsiblePhone, shelter.OpeningProcedure, shelter.WhatToBring, shelter.IsPublic) =
            (input.ResponsibleName!.Trim(), Blank(input.ResponsiblePhone), Blank(input.OpeningProcedure), Blank(input.WhatToBring), input.IsPublic);
        shelter.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(isNew ? "civil-protection.shelter.created" : "civil-protection.shelter.changed", shelter.Id.ToString(), new { shelter.Name, shelter.Capacity, shelter.IsPublic }, ct);
        await search.IndexShelterAsync(shelter.Id, ct);
        return shelter;
    }, ct);

    private void History(Guid resourceId, Availability? from, Availability to, string? reason, Guid? commitment) =>
        db.AvailabilityChanges.Add(new AvailabilityChange
        {
            Id = Guid.NewGuid(), ResourceId = resourceId, From = from, To = to, ChangedUtc = clock.GetUtcNow().UtcDateTime, ChangedBy = actor.Name, Reason = reason, CommitmentId = commitment,
        });

    internal void RecordChange(Guid resourceId, Availability from, Availability to, string reason, Guid commitment) => History(resourceId, from, to, reason, commitment);

    /// <summary>Refuses an invalid input as a 400 naming the fields (the API error handler answers it).</summary>
    public static void Refuse(ValidationErrors errors)
    {
        if (!errors.IsValid) throw new InvalidInputException(errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>An input that fails validation, refused as a whole: 400 with every field's messages.</summary>
public sealed class InvalidInputException(ValidationErrors errors) : ArgumentException(string.Join(" ", errors.Entries.Select(e => $"{e.Field}: {e.Message}")))
{
    public ValidationErrors Errors { get; } = errors;
}
