using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>
/// <c>{"name": "sign-in", "localAccounts": true, "singleSignOn": true, "upstream": [{"key": "keycloak", "displayName": "…",
/// "authority": "https://…", "clientId": "…", "clientSecret": "…", "defaultRole": "Viewer"}]}</c>: the same JSON as
/// <c>PUT /{tenant}/api/admin/sign-in</c>.
/// </summary>
public sealed class SignInStep : IRecipeStepHandler
{
    public string StepName => "sign-in";
    public string? RequiredFeature => null;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        if (Read(context) is { } settings)
            foreach (var (field, message) in (await context.Services.GetRequiredService<SignInSettingsStore>().ValidateAsync(settings, ct)).Entries)
                context.Error("$." + field, message);
    }

    public Task ExecuteAsync(RecipeStepContext context, CancellationToken ct) =>
        context.Services.GetRequiredService<SignInSettingsStore>().SaveAsync(Read(context)!, ct);

    private static SignInSettings? Read(RecipeStepContext context) => context.Read<SignInSettings>();
}
