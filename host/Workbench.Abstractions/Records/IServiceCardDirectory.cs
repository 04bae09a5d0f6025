namespace Workbench.Abstractions.Records;

/// <summary>
/// How another module (the knowledge base linking an article to the services it explains) checks a service card without
/// knowing the service-cards tables. Implemented by the service cards module; reached through
/// <see cref="IModuleContract{TContract}"/>. A card that an earlier step of the running recipe creates is in the
/// recipe's run state (<see cref="Recipes.IRecipeRunState"/>), not here yet.
/// </summary>
public interface IServiceCardDirectory
{
    Task<bool> ExistsAsync(Guid cardId, CancellationToken cancellationToken = default);
}
