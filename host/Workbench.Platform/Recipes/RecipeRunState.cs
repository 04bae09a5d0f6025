using Workbench.Abstractions.Recipes;

namespace Workbench.Platform.Recipes;

/// <summary>
/// What the tenant will look like at each step of the recipe being validated: later steps may rely on
/// features and roles that earlier steps of the same recipe add.
/// </summary>
public sealed class RecipeRunState : IRecipeRunState
{
    private readonly HashSet<(Type Contract, Guid Id)> _announced = [];

    public HashSet<string> EnabledFeatures { get; set; } = [];
    public HashSet<string> NewlyEnabled { get; } = [];
    public HashSet<string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>E-mails of accounts that earlier users steps of the recipe create.</summary>
    public HashSet<string> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Announce<TContract>(Guid id) where TContract : class => _announced.Add((typeof(TContract), id));

    public bool IsAnnounced<TContract>(Guid id) where TContract : class => _announced.Contains((typeof(TContract), id));
}
