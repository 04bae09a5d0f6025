using Workbench.Abstractions.Modules;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.Data;
using Workbench.Platform.Recipes;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.OpenId;

/// <summary>
/// Orchard Core's <c>OpenIdApplication</c> step, one client per step:
/// <c>{"name": "OpenIdApplication", "ClientId": "…", "DisplayName": "…", "Type": "confidential", "ClientSecret": "…",
/// "RedirectUris": "https://a https://b", "PostLogoutRedirectUris": "…", "AllowAuthorizationCodeFlow": true,
/// "AllowRefreshTokenFlow": true, "AllowClientCredentialsFlow": false, "Scopes": ["openid", "roles"],
/// "TenantRoles": {"riga": ["Editor"]}}</c>. URIs may also be arrays; Orchard's <c>ScopeEntries</c> are read too.
/// </summary>
public sealed class OpenIdApplicationStep : IRecipeStepHandler
{
    public string StepName => "OpenIdApplication";
    public string? RequiredFeature => PlatformFeatures.OpenIdServer;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var request = Read(context);
        if (request is null) return;
        foreach (var (field, message) in (await context.Services.GetRequiredService<OpenIdApplications>().ValidateAsync(request, ct)).Entries)
            context.Error($"$.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct) =>
        await context.Services.GetRequiredService<OpenIdApplications>().SaveAsync(Read(context)!, ct);

    private static OpenIdApplicationRequest? Read(RecipeStepContext context)
    {
        if (context.Read<StepModel>() is not { } step) return null;
        var flows = new List<string>();
        if (step.AllowAuthorizationCodeFlow) flows.Add(GrantTypes.AuthorizationCode);
        if (step.AllowRefreshTokenFlow) flows.Add(GrantTypes.RefreshToken);
        if (step.AllowClientCredentialsFlow) flows.Add(GrantTypes.ClientCredentials);
        var scopes = step.Scopes ?? step.ScopeEntries?.Select(e => e.Name).ToList() ?? [];
        return new OpenIdApplicationRequest(step.ClientId ?? "", step.DisplayName, step.Type, step.ClientSecret, Uris(step.RedirectUris),
            Uris(step.PostLogoutRedirectUris), flows, scopes, step.TenantRoles, step.WorkplaceUrl, step.PendingUrl);
    }

    private static List<string> Uris(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(u => (string?)u ?? "").ToList(),
        JsonValue value => ((string?)value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
        _ => [],
    };

    private sealed record StepModel(
        string? ClientId, string? DisplayName, string? Type, string? ClientSecret, JsonNode? RedirectUris, JsonNode? PostLogoutRedirectUris,
        bool AllowAuthorizationCodeFlow, bool AllowRefreshTokenFlow, bool AllowClientCredentialsFlow, List<string>? Scopes,
        List<ScopeEntry>? ScopeEntries, Dictionary<string, IReadOnlyList<string>>? TenantRoles, string? WorkplaceUrl, string? PendingUrl);

    private sealed record ScopeEntry(string Name);
}

/// <summary>
/// <c>{"name": "staff-memberships", "items": [{"email": "…", "tenants": {"riga": ["Editor"], "ventspils": ["Viewer"]}}]}</c>:
/// the municipalities a staff account of the competence centre belongs to and its roles there (replaces earlier ones).
/// </summary>
public sealed class StaffMembershipsStep : IRecipeStepHandler
{
    public string StepName => "staff-memberships";
    public string? RequiredFeature => PlatformFeatures.OpenIdServer;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var state = context.Services.GetRequiredService<RecipeRunState>();
        var users = context.Services.GetRequiredService<UserManager<WorkbenchUser>>();
        // The first administrator is created with the tenant, after the recipe was validated.
        var initialAdmin = context.Services.GetRequiredService<InitialAdmin>().Get().Email;
        foreach (var (index, item) in context.ReadItems<Item>())
        {
            if (string.IsNullOrWhiteSpace(item.Email) ||
                (!state.Users.Contains(item.Email) && !string.Equals(item.Email, initialAdmin, StringComparison.OrdinalIgnoreCase) && await users.FindByEmailAsync(item.Email) is null))
                context.Error($"$.items[{index}].email", $"Nav konta \"{item.Email}\".");
            foreach (var (tenant, roles) in item.Tenants ?? [])
                if (TenantNameRule.Validate(tenant) is not null || roles.Count == 0)
                    context.Error($"$.items[{index}].tenants.{tenant}", "Pašvaldības nosaukums un vismaz viena loma ir obligāti.");
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var memberships = context.Services.GetRequiredService<StaffMemberships>();
        var users = context.Services.GetRequiredService<UserManager<WorkbenchUser>>();
        foreach (var (_, item) in context.ReadItems<Item>())
            await memberships.SetAsync((await users.FindByEmailAsync(item.Email))!.Id, item.Tenants ?? [], ct);
    }

    private sealed record Item(string Email, Dictionary<string, IReadOnlyList<string>>? Tenants);
}

/// <summary>Which municipalities a staff member belongs to, with their roles in each.</summary>
public sealed class StaffMemberships(OpenIdDbContext db)
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetAsync(string userId, CancellationToken ct) =>
        (await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct))
            .ToDictionary(m => m.Tenant, m => (IReadOnlyList<string>)(JsonSerializer.Deserialize<List<string>>(m.RolesJson) ?? []));

    public async Task SetAsync(string userId, IReadOnlyDictionary<string, IReadOnlyList<string>> tenants, CancellationToken ct)
    {
        db.Memberships.RemoveRange(await db.Memberships.Where(m => m.UserId == userId).ToListAsync(ct));
        foreach (var (tenant, roles) in tenants)
            db.Memberships.Add(new StaffMembership { UserId = userId, Tenant = tenant, RolesJson = JsonSerializer.Serialize(roles) });
        await db.SaveChangesAsync(ct);
    }
}
