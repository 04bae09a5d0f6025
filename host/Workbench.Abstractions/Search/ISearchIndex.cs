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
}

/// <summary>A module's items for a full rebuild of the index (CLI <c>search reindex</c>, admin page).</summary>
public interface ISearchSource
{
    string Feature { get; }

    IAsyncEnumerable<SearchDocument> ReadAllAsync(CancellationToken cancellationToken);
}
