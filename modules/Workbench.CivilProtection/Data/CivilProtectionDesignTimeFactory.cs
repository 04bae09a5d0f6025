using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.CivilProtection.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class CivilProtectionDesignTimeFactory : IDesignTimeDbContextFactory<CivilProtectionDbContext>
{
    public CivilProtectionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CivilProtectionDbContext>().UseSqlite("Data Source=:memory:").Options);
}
