using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.ExternalSignIn.Api;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>Municipalities as relying parties, as one piece (see README.md beside this file).</summary>
public static class ExternalSignInStartup
{
    /// <summary>
    /// The sign-in settings, upstream OpenID Connect providers and the Workbench provider (single sign-on), the
    /// directory (LDAP), the <c>sign-in</c> recipe step. <c>StaffSignIn</c>, which applies the settings, is registered
    /// with the security core.
    /// </summary>
    public static IServiceCollection AddExternalSignIn(this IServiceCollection services)
    {
        services.AddSingleton<SignInSettingsCache>();
        services.AddScoped<SignInSettingsStore>();
        services.AddScoped<ExternalAccounts>();
        services.AddSingleton<DirectoryAuthenticator>();
        services.AddScoped<DirectorySignIn>();
        services.AddScoped<IRecipeStepHandler, SignInStep>();
        services.AddSingleton<ExternalSignInSchemes>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ConfigureExternalSignInOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddHttpClient(ExternalSignInSchemes.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    /// <summary>The sign-in settings of a municipality (Api/SignInSettingsApi.cs).</summary>
    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder routes) => routes.MapSignInSettingsApi();
}
