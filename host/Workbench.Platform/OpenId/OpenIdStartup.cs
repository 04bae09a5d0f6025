using Workbench.Abstractions.Security;
using Workbench.Abstractions.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.OpenId.Api;

namespace Workbench.Platform.OpenId;

/// <summary>The staff identity provider as one piece (see README.md beside this file): its services and its endpoints.</summary>
public static class OpenIdStartup
{
    /// <summary>What the identity provider adds to the platform's manifest: its feature, permission and client pages.</summary>
    public static readonly FeatureManifest Feature = new(PlatformFeatures.OpenIdServer, "Vienotā pieteikšanās (OpenID Connect)",
        "The staff identity provider: clients, tokens, memberships (competence centre only).", [PlatformFeatures.Admin], DefaultTenantOnly: true);

    public static readonly PermissionDefinition[] Permissions =
        [new(PermissionNames.ManageOpenIdApplications, "Register OpenID Connect clients and staff memberships")];

    public static readonly NavigationItem[] Navigation =
        [new("OpenID klienti", "OpenID clients", "admin/openid/applications", PlatformFeatures.OpenIdServer, PermissionNames.ManageOpenIdApplications, 975)];

    /// <summary>
    /// The provider of the competence centre: its database, options, signing keys, clients, memberships, the token
    /// service and the recipe steps <c>OpenIdApplication</c> and <c>staff-memberships</c>. Bearer tokens on every
    /// tenant's API are the security core's (<c>BearerTokenHandler</c>, registered with the identity).
    /// </summary>
    public static IServiceCollection AddOpenIdServer(this IServiceCollection services)
    {
        services.AddTenantDbContext<OpenIdDbContext>(PlatformFeatures.OpenIdServer);
        services.AddOptions<OpenIdOptions>().BindConfiguration(OpenIdOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpenIdKeyRing>();
        services.AddScoped<OpenIdApplications>();
        services.AddScoped<StaffMemberships>();
        services.AddScoped<OpenIdServer>();
        services.AddScoped<IRecipeStepHandler, OpenIdApplicationStep>();
        services.AddScoped<IRecipeStepHandler, StaffMembershipsStep>();
        return services;
    }

    /// <summary>Discovery, JWKS, token, userinfo, revocation, introspection and <c>/api/admin/openid</c>.</summary>
    public static IEndpointRouteBuilder MapOpenIdServer(this IEndpointRouteBuilder routes) => routes.MapOpenIdServerApi();
}
