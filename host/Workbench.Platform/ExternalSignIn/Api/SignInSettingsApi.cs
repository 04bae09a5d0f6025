using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.Platform.ExternalSignIn.Api;

/// <summary>How staff sign in to a municipality: <c>/{tenant}/api/admin/sign-in</c> (secrets are never returned).</summary>
public static class SignInSettingsApi
{
    public static IEndpointRouteBuilder MapSignInSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/admin/sign-in").WithTags("Administration").WithMetadata(new RequiresFeatureAttribute(PlatformFeatures.Admin))
            .RequireAuthorization(PermissionNames.Policy(PermissionNames.ManageSettings));
        settings.MapGet("", Get).WithSummary("How staff sign in here: local accounts, single sign-on, upstream providers (secrets are never returned)");
        settings.MapPut("", Save).WithSummary("Change how staff sign in; a secret (clientSecret, directory bindPassword) left out keeps the stored one");
        return app;
    }

    private static async Task<Ok<SignInSettings>> Get(SignInSettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(SignInSettingsStore.WithoutSecrets(await store.GetAsync(ct)));

    private static async Task<Results<NoContent, ValidationProblem>> Save(SignInSettings request, SignInSettingsStore store, CancellationToken ct)
    {
        var errors = await store.ValidateAsync(request, ct);
        if (!errors.IsValid) return TypedResults.ValidationProblem(errors);
        await store.SaveAsync(request, ct);
        return TypedResults.NoContent();
    }
}
