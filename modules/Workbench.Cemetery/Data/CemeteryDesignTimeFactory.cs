using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Cemetery.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class CemeteryDesignTimeFactory : IDesignTimeDbContextFactory<CemeteryDbContext>
{
    public CemeteryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CemeteryDbContext>().UseSqlite("Data Source=:memory:").Options);
}
