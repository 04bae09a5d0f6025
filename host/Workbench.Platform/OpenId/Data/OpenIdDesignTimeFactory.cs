using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Platform.OpenId;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class OpenIdDesignTimeFactory : IDesignTimeDbContextFactory<OpenIdDbContext>
{
    public OpenIdDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OpenIdDbContext>().UseSqlite("Data Source=:memory:").Options);
}
