using Workbench.Abstractions.Data;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Validation;
using Workbench.Benefits.Data;

namespace Workbench.Benefits.Domain;

/// <param name="ClientId">The provider's machine client at the competence centre's OpenID provider (client credentials).</param>
/// <param name="Reliefs">Codes of the reliefs the contract covers.</param>
public sealed record ProviderInput(string? Name, string? ClientId, string? ContractNumber, DateOnly? ContractFrom, DateOnly? ContractTo, List<string?>? Reliefs);

/// <summary>Relief providers and their contracts; a provider is found by the machine client it signs in with.</summary>
public sealed class ProviderService(BenefitsDbContext db, AuditedWriter<BenefitsDbContext> writer)
{
    public Task<List<Provider>> ListAsync(CancellationToken ct) => db.Providers.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public Task<Provider?> FindAsync(Guid id, CancellationToken ct) => db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    public Task<Provider?> ByClientAsync(string clientId, CancellationToken ct) => db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);

    public async Task<ValidationErrors> ValidateAsync(ProviderInput input, CancellationToken ct, IReadOnlySet<string>? alsoKnownReliefs = null)
    {
        var known = (await db.Reliefs.AsNoTracking().Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (alsoKnownReliefs is not null) known.UnionWith(alsoKnownReliefs);
        var errors = new ValidationErrors();
        errors.When(string.IsNullOrWhiteSpace(input.Name), "name", "Nosaukums ir obligāts.");
        errors.When(string.IsNullOrWhiteSpace(input.ClientId), "clientId", "Jānorāda piemērotāja mašīnklienta identifikators (client_id).");
        errors.When(input.ContractFrom is null, "contractFrom", "Jānorāda līguma sākuma datums.");
        errors.When(input.ContractFrom is { } from && input.ContractTo is { } to && to < from, "contractTo", "Beigu datums ir pirms sākuma datuma.");
        var reliefs = (input.Reliefs ?? []).Select(r => r?.Trim()).ToList();
        errors.When(reliefs.Count == 0, "reliefs", "Līgumā jānorāda vismaz viens atvieglojums.");
        foreach (var unknown in reliefs.Where(r => r is null || !known.Contains(r)).Distinct()) errors.Add("reliefs", $"Nav atvieglojuma \"{unknown}\".");
        return errors;
    }

    /// <summary>Creates the provider, or changes the one with <paramref name="id"/>. The input must have been validated.</summary>
    public Task<Provider> SaveAsync(Guid? id, ProviderInput input, CancellationToken ct) => writer.InTransactionAsync(async () =>
    {
        var provider = id is { } existing
            ? await db.Providers.SingleOrDefaultAsync(p => p.Id == existing, ct) ?? throw new KeyNotFoundException("Piemērotājs nav atrasts.")
            : db.Providers.Add(new Provider { Id = Guid.NewGuid(), Name = "", ClientId = "", ReliefCodes = "" }).Entity;
        provider.Name = input.Name!.Trim();
        provider.ClientId = input.ClientId!.Trim();
        provider.ContractNumber = input.ContractNumber?.Trim();
        provider.ContractFrom = input.ContractFrom!.Value;
        provider.ContractTo = input.ContractTo;
        provider.ReliefCodes = string.Join(',', input.Reliefs!.Select(r => r!.Trim()).Distinct());
        provider.UpdatedUtc = DateTime.UtcNow;
        await writer.SaveAsync(id is null ? "benefits.provider.created" : "benefits.provider.changed", provider.Id.ToString(),
            new { provider.Name, provider.ClientId, provider.ReliefCodes, provider.ContractFrom, provider.ContractTo }, ct,
            "Piemērotājs ar tādu nosaukumu vai mašīnklientu jau ir.");
        return provider;
    }, ct);
}
