using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Platform.Security;

namespace Workbench.Platform.Recipes.Steps;

/// <summary>
/// <c>{"name": "users", "items": [{"email": "…", "displayName": "…", "password": "…", "roles": ["Editor"]}]}</c>.
/// An account with the same e-mail is updated (display name, roles); a password is only set on creation.
/// </summary>
public sealed class UsersStep : IRecipeStepHandler
{
    public string StepName => "users";
    public string? RequiredFeature => null;

    public async Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        var state = context.Services.GetRequiredService<RecipeRunState>();
        var users = context.Services.GetRequiredService<UserService>();
        foreach (var (index, user) in context.ReadItems<UserItem>("Users"))
        {
            state.Users.Add(user.Email);
            foreach (var (field, message) in (await users.ValidateAsync(user.Email, user.Password, ct)).Entries)
                context.Error($"$.items[{index}].{field}", message);
            foreach (var (role, r) in (user.Roles ?? []).Select((x, i) => (x, i)))
                if (!state.Roles.Contains(role))
                    context.Error($"$.items[{index}].roles[{r}]", $"Nezināma loma \"{role}\".");
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var users = context.Services.GetRequiredService<UserService>();
        foreach (var (_, user) in context.ReadItems<UserItem>("Users"))
            await users.SaveAsync(user.Email, user.DisplayName ?? "", user.Password, user.Roles ?? [], ct);
    }

    public sealed record UserItem(string Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);
}
