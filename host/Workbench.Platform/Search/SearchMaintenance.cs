using Microsoft.EntityFrameworkCore;

namespace Workbench.Platform.Search;

/// <summary>Periodic care of a tenant's search index (the <c>search-maintenance</c> job).</summary>
public static class SearchMaintenance
{
    /// <summary>
    /// Merges FTS5's index segments into one on SQLite, which keeps queries fast after many small writes. PostgreSQL's
    /// GIN index is kept by autovacuum, so there is nothing to do there.
    /// </summary>
    public static async Task OptimizeAsync(SearchDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Search_Fts"("Search_Fts") VALUES ('optimize')""", ct);
    }
}
