namespace Workbench.Abstractions.Search;

/// <summary>
/// Writes to the tenant's search index. Writes join the current tenant transaction, so an item and its index
/// entry are saved or rolled back together.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds the item or replaces the one with the same feature, type and id.</summary>
    Task IndexAsync(SearchDocument document, CancellationToken cancellationToken = default);

    Task RemoveAsync(string feature, string type, string id, CancellationToken cancellationToken = default);

    /// <summary>Whether another module's item exists (and its feature is enabled).</summary>
    [Obsolete("A module checks another module's record through a typed contract (IModuleContract<T>, Workbench.Abstractions.Records); removed with host API 2.0.")]
    Task<bool> ExistsAsync(string feature, string type, string id, CancellationToken cancellationToken = default);

    /// <summary>Announces, while a recipe is validated, an item a step will create (<see cref="ExistsAsync"/> counts it).</summary>
    [Obsolete("A step announces the records it creates in the recipe's run state (IRecipeRunState.Announce); removed with host API 2.0.")]
    void Stage(string feature, string type, string id);
}

/// <summary>A module's items for a full rebuild of the index (CLI <c>search reindex</c>, admin page).</summary>
public interface ISearchSource
{
    string Feature { get; }

    IAsyncEnumerable<SearchDocument> ReadAllAsync(CancellationToken cancellationToken);
}
