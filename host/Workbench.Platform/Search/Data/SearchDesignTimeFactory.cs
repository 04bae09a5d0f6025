using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Platform.Search;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class SearchDesignTimeFactory : IDesignTimeDbContextFactory<SearchDbContext>
{
    public SearchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SearchDbContext>().UseSqlite("Data Source=:memory:").Options);
}
