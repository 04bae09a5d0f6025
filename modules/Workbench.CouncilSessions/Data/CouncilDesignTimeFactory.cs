using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.CouncilSessions.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class CouncilDesignTimeFactory : IDesignTimeDbContextFactory<CouncilDbContext>
{
    public CouncilDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CouncilDbContext>().UseSqlite("Data Source=:memory:").Options);
}
