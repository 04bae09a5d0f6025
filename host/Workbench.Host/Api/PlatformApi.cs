using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Http;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Audit;
using Workbench.Platform.CustomFields;
using Workbench.Platform.Data;
using Workbench.Platform.ExternalSignIn;
using Workbench.Platform.Features;
using Workbench.Platform.Jobs;
using Workbench.Platform.Modules;
using Workbench.Platform.Recipes;
using Workbench.Platform.Search;
using Workbench.Platform.Security;
using Workbench.Platform.Setup;
using Workbench.Platform.Tenants;

namespace Workbench.Host.Api;

/// <summary>The platform's REST API: everything the staff workplace does, for scripts and integrations.</summary>
public static class PlatformApi
{
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", SignIn).ProducesProblem(StatusCodes.Status401Unauthorized).WithSummary("Sign in with e-mail and password (sets the tenant's staff cookie)").WithTags("Session");
        app.MapDelete("/api/session", SignOut).WithTags("Session");

        app.MapGet("/api/workplace/pending", Pending).WithTags("Workplace").RequireAuthorization(PermissionNames.Policy(PermissionNames.AccessAdmin))
            .WithSummary("What waits for the signed-in person: {items: [{app, count, url}]} from the enabled modules and the external applications");
        app.MapSearch();

        var admin = app.MapGroup("/api/admin").WithTags("Administration").WithMetadata(new RequiresFeatureAttribute(PlatformManifest.Admin));
        admin.MapGet("/modules", ListModules).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageFeatures));
        admin.MapGet("/features", ListFeatures).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageFeatures));
        admin.MapPost("/features/{id}/enable", EnableFeature).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageFeatures))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/features/{id}/disable", DisableFeature).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageFeatures))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/recipes/run", RunRecipe).RequireAuthorization(PermissionNames.Policy(PermissionNames.RunRecipes)).RequiresBody("application/json")
            .WithSummary("Run a recipe given as the request body (application/json)");
        admin.MapGet("/recipes/runs", ListRecipeRuns).RequireAuthorization(PermissionNames.Policy(PermissionNames.RunRecipes));
        admin.MapGet("/audit", ListAudit).RequireAuthorization(PermissionNames.Policy(PermissionNames.ViewAuditLog));
        admin.MapGet("/audit/verify", VerifyAudit).RequireAuthorization(PermissionNames.Policy(PermissionNames.ViewAuditLog));
        admin.MapGet("/roles", ListRoles).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageRoles));
        admin.MapPut("/roles/{name}", SaveRole).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageRoles));
        app.MapExternalSignIn();
        admin.MapGet("/users", ListUsers).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageUsers));
        admin.MapPost("/users", SaveUser).RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageUsers));

        // The jobs' endpoints belong to Platform/Jobs; mapped here, between users and custom fields, so the OpenAPI document keeps its order.
        app.MapJobs();

        var fields = app.MapGroup("/api/admin/custom-fields").WithTags("Custom fields")
            .WithMetadata(new RequiresFeatureAttribute(PlatformManifest.CustomFields))
            .RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageCustomFields));
        fields.MapGet("/", ListCustomFields);
        fields.MapPut("/{recordType}/{key}", SaveCustomField);
        fields.MapDelete("/{recordType}/{key}", DeleteCustomField);

        var tenants = app.MapGroup("/api/tenants").WithTags("Tenants")
            .WithMetadata(new RequiresFeatureAttribute(PlatformManifest.TenantAdministration))
            .RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageFeatures));
        tenants.MapGet("/", ListTenants);
        tenants.MapPost("/", CreateTenant);
        return app;
    }

    public sealed record SignInRequest(string Email, string Password, string? Code = null);

    /// <summary>E-mail and password; with a second factor set up, <c>code</c> (authenticator or recovery code) as well.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SignInRequest request, StaffSignIn signIn, TwoFactorAccounts twoFactor, CancellationToken ct)
    {
        var outcome = await signIn.SignInAsync(request.Email, request.Password, "api");
        if (outcome.SecondFactorRequired && !string.IsNullOrWhiteSpace(request.Code)) outcome = await twoFactor.SecondStepAsync(request.Code, "api", ct, outcome.PendingUserId);
        return outcome.Succeeded ? TypedResults.NoContent()
            : TypedResults.Problem(outcome.Message, statusCode: 401, title: outcome.SecondFactorRequired ? "Second factor required" : "Sign-in failed");
    }

    private static async Task<NoContent> SignOut(StaffSignIn signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public sealed record ModuleView(string Id, string? Name, string Version, string Source, string Status, string? Error);
    public sealed record FeatureView(string Id, string Name, string Module, IReadOnlyList<string>? Dependencies, bool Enabled, bool DefaultTenantOnly);
    public sealed record RoleView(string? Name, string? Description, IReadOnlyList<string> Permissions);
    public sealed record PendingView(string App, int? Count, string Url);
    public sealed record PendingList(IEnumerable<PendingView> Items);
    public sealed record UserView(string? Email, string? DisplayName, IList<string> Roles, bool LockedOut);
    public sealed record CustomFieldsOfType(string RecordType, string DisplayName, IReadOnlyList<CustomFieldDefinition> Fields);
    public sealed record TenantView(string Name, string State, string Provider, string Recipe, string[] Features);

    private static Ok<IEnumerable<ModuleView>> ListModules(ModuleCatalog catalog) => TypedResults.Ok(catalog.Modules.Select(m =>
        new ModuleView(m.Id, m.Manifest?.Name, m.Version, m.Source.ToString().ToLowerInvariant(), m.Status.ToString(), m.Error)));

    private static Ok<IEnumerable<FeatureView>> ListFeatures(ModuleCatalog catalog, ITenantContext tenant) => TypedResults.Ok(catalog.Features.Select(x =>
        new FeatureView(x.Feature.Id, x.Feature.Name, x.Module.Id, x.Feature.Dependencies, tenant.Required.IsFeatureEnabled(x.Feature.Id), x.Feature.DefaultTenantOnly)));

    private static async Task<Results<Ok<FeaturePlan>, ProblemHttpResult>> EnableFeature(string id, FeatureManager features, CancellationToken ct) =>
        FeatureResult(await features.EnableAsync([id], ct));

    private static async Task<Results<Ok<FeaturePlan>, ProblemHttpResult>> DisableFeature(string id, FeatureManager features, CancellationToken ct) =>
        FeatureResult(await features.DisableAsync([id], ct));

    private static Results<Ok<FeaturePlan>, ProblemHttpResult> FeatureResult(FeaturePlan plan) =>
        plan.IsValid ? TypedResults.Ok(plan) : TypedResults.Problem(string.Join(" ", plan.Errors), statusCode: plan.IsConflict ? 409 : 400);

    private static async Task<Results<Ok<RecipeResult>, BadRequest<RecipeResult>>> RunRecipe(HttpRequest request, RecipeLoader loader, RecipeRunner runner, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var loaded = loader.Parse(await reader.ReadToEndAsync(ct), "request");
        if (!loaded.IsValid) return TypedResults.BadRequest(new RecipeResult(false, loaded.Errors));
        var result = await runner.RunAsync(loaded.Recipe!, ct);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    private static async Task<Ok<List<RecipeRun>>> ListRecipeRuns(PlatformDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.RecipeRuns.AsNoTracking().OrderByDescending(r => r.StartedUtc).Take(100).ToListAsync(ct));

    private static async Task<Ok<List<AuditEntry>>> ListAudit(PlatformDbContext db, int? page, CancellationToken ct) =>
        TypedResults.Ok(await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Skip(Math.Max(0, (page ?? 1) - 1) * 100).Take(100).ToListAsync(ct));

    private static async Task<Ok<AuditVerification>> VerifyAudit(AuditVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));

    private static async Task<Ok<IEnumerable<RoleView>>> ListRoles(RoleService roles, CancellationToken ct) =>
        TypedResults.Ok((await roles.ListAsync(ct)).Select(r => new RoleView(r.Role.Name, r.Role.Description, r.Permissions)));

    public sealed record RoleRequest(string? Description, IReadOnlyList<string>? Permissions);

    private static async Task<Results<NoContent, ValidationProblem>> SaveRole(string name, RoleRequest request, RoleService roles, CancellationToken ct)
    {
        if (!RoleService.IsValidName(name)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Nederīgs lomas nosaukums."] });
        try { await roles.SaveAsync(name, request.Description ?? "", request.Permissions ?? [], ct); }
        catch (ArgumentException ex) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["permissions"] = [ex.Message] }); }
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PendingList>> Pending(HttpContext http, Workbench.Platform.Workplace.WorkplacePending pending, CancellationToken ct) =>
        TypedResults.Ok(new PendingList((await pending.ListAsync(http.User, ct)).Select(i => new PendingView(i.App, i.Count, i.Url))));

    private static async Task<Ok<IEnumerable<UserView>>> ListUsers(UserService users, CancellationToken ct) =>
        TypedResults.Ok((await users.ListAsync(ct)).Select(u => new UserView(u.User.Email, u.User.DisplayName, u.Roles, u.User.LockoutEnd > DateTimeOffset.UtcNow)));

    public sealed record UserRequest(string Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);

    private static async Task<Results<Ok, ValidationProblem>> SaveUser(UserRequest request, UserService users, CancellationToken ct)
    {
        var errors = await users.ValidateAsync(request.Email, request.Password, ct);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors);
        try { await users.SaveAsync(request.Email, request.DisplayName ?? "", request.Password, request.Roles ?? [], ct); }
        catch (ArgumentException ex) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [ex.Message] }); }
        return TypedResults.Ok();
    }

    private static async Task<Ok<List<CustomFieldsOfType>>> ListCustomFields(CustomFieldService fields, CancellationToken ct)
    {
        var result = new List<CustomFieldsOfType>();
        foreach (var type in fields.RecordTypes)
            result.Add(new CustomFieldsOfType(type.Id, type.DisplayName, await fields.GetDefinitionsAsync(type.Id, ct)));
        return TypedResults.Ok(result);
    }

    public sealed record CustomFieldRequest(string Label, CustomFieldType Type, bool Required, IReadOnlyList<string>? Choices, int Order);

    private static async Task<Results<NoContent, ValidationProblem>> SaveCustomField(string recordType, string key, CustomFieldRequest request, CustomFieldService fields, CancellationToken ct)
    {
        var definition = new CustomFieldDefinition(recordType, key, request.Label, request.Type, request.Required, request.Choices ?? [], request.Order);
        var problems = fields.Check(definition);
        if (!problems.IsValid) return TypedResults.ValidationProblem(problems);
        await fields.SaveAsync(definition, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteCustomField(string recordType, string key, CustomFieldService fields, CancellationToken ct) =>
        await fields.DeleteAsync(recordType, key, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Ok<IEnumerable<TenantView>> ListTenants(TenantRegistry registry) => TypedResults.Ok(registry.All.Select(t =>
        new TenantView(t.Name, t.State, t.Record.DatabaseProvider.ToString(), t.Record.Recipe, t.Info?.EnabledFeatures.Order(StringComparer.Ordinal).ToArray() ?? [])));

    public sealed record TenantRequest(string Name, string Recipe, DatabaseProvider Provider = DatabaseProvider.Sqlite, string? ConnectionString = null);

    private static async Task<Results<Created, ProblemHttpResult>> CreateTenant(TenantRequest request, TenantSetup setup, HttpContext http, CancellationToken ct)
    {
        var result = await setup.CreateAsync(new TenantCreateRequest(request.Name, request.Recipe, request.Provider, request.ConnectionString), http.User.Identity?.Name ?? "api", ct);
        return result.Outcome switch
        {
            TenantSetupOutcome.Created => TypedResults.Created($"/{request.Name}/"),
            TenantSetupOutcome.Duplicate => TypedResults.Problem(string.Join(" ", result.Errors), statusCode: 409),
            _ => TypedResults.Problem(string.Join("\n", result.Errors), statusCode: 400),
        };
    }
}
