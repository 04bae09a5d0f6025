using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.ExternalSignIn;
using Workbench.Platform.Security;

namespace Workbench.Platform.Hosting;

/// <summary>
/// With <see cref="SignInSettings.RequireTwoFactorForAdministrators"/>, an administrator signed in with one factor
/// can only reach their account page (to set up an authenticator) and sign out; APIs answer 403 with the reason.
/// </summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account", "/signout", "/signin", "/api/session", "/culture", "/_content", "/error"];

    public async Task InvokeAsync(HttpContext context, ITenantContext tenant)
    {
        // Resolved only inside a tenant: the settings live in the tenant's database.
        var settings = () => context.RequestServices.GetRequiredService<SignInSettingsStore>();
        var user = context.User;
        if (tenant.Current is null || user.Identity?.IsAuthenticated != true || !user.IsInRole(BuiltInRoles.Administrator) ||
            Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) ||
            !TwoFactorAccounts.IsSingleFactor(user) || !(await settings().GetAsync(context.RequestAborted)).RequireTwoFactorForAdministrators)
        {
            await next(context);
            return;
        }
        if (ApiPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { title = "Second factor required", detail = "Administratoriem jāpieslēdzas ar otro faktoru; iestatiet autentifikatoru /account/two-factor." });
            return;
        }
        context.Response.Redirect(context.Request.PathBase + "/account/two-factor?required=true");
    }
}
