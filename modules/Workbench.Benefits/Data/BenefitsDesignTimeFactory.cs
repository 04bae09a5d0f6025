using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Benefits.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class BenefitsDesignTimeFactory : IDesignTimeDbContextFactory<BenefitsDbContext>
{
    public BenefitsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BenefitsDbContext>().UseSqlite("Data Source=:memory:").Options);
}
