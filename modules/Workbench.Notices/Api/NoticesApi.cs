using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Notices.Domain;

namespace Workbench.Notices.Api;

/// <summary>REST API of notices: <c>/{tenant}/api/notices</c>.</summary>
public static class NoticesApi
{
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/notices").WithTags("Notices");
        api.MapGet("/", List).WithSummary("Published notices to anyone; all notices to staff with ViewNotices");
        api.MapGet("/{id:guid}", Get).WithSummary("One notice in the shape the create API accepts, plus id");
        api.MapPost("/", Create).RequireAuthorization(PermissionNames.Policy(NoticesManifest.ManageNotices));
        api.MapPut("/{id:guid}", Update).RequireAuthorization(PermissionNames.Policy(NoticesManifest.ManageNotices));
        api.MapDelete("/{id:guid}", Delete).RequireAuthorization(PermissionNames.Policy(NoticesManifest.ManageNotices));
        return routes;
    }

    private static bool SeesInternal(ClaimsPrincipal user, IPermissionService permissions) => permissions.HasPermission(user, NoticesManifest.ViewNotices);

    private static async Task<Ok<List<NoticeInput>>> List(ClaimsPrincipal user, IPermissionService permissions, ITenantContext tenant, NoticeService notices, CancellationToken ct) =>
        TypedResults.Ok((await notices.ListAsync(SeesInternal(user, permissions), tenant.Required.Settings.Today(), ct)).Select(NoticeInput.From).ToList());

    private static async Task<Results<Ok<NoticeInput>, NotFound>> Get(Guid id, ClaimsPrincipal user, IPermissionService permissions, ITenantContext tenant, NoticeService notices, CancellationToken ct)
    {
        var notice = await notices.FindAsync(id, ct);
        // A notice the caller may not see does not exist for them.
        if (notice is null || !SeesInternal(user, permissions) && !notice.IsVisibleToPublic(tenant.Required.Settings.Today())) return TypedResults.NotFound();
        return TypedResults.Ok(NoticeInput.From(notice));
    }

    private static async Task<Results<Created<NoticeInput>, ValidationProblem, Conflict<string>>> Create(NoticeInput input, NoticeService notices, CancellationToken ct)
    {
        if (input.Id is { } id && await notices.FindAsync(id, ct) is not null) return TypedResults.Conflict($"Paziņojums {id} jau pastāv; lietojiet PUT.");
        var errors = await notices.ValidateAsync(input, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (notice, _) = await notices.SaveAsync(input, ct);
        return TypedResults.Created($"api/notices/{notice.Id}", NoticeInput.From(notice));
    }

    private static async Task<Results<Ok<NoticeInput>, ValidationProblem, NotFound>> Update(Guid id, NoticeInput input, NoticeService notices, CancellationToken ct)
    {
        if (await notices.FindAsync(id, ct) is null) return TypedResults.NotFound();
        var withId = input with { Id = id };
        var errors = await notices.ValidateAsync(withId, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (notice, _) = await notices.SaveAsync(withId, ct);
        return TypedResults.Ok(NoticeInput.From(notice));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, NoticeService notices, CancellationToken ct) =>
        await notices.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
