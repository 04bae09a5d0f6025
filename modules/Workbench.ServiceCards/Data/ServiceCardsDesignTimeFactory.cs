using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.ServiceCards.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class ServiceCardsDesignTimeFactory : IDesignTimeDbContextFactory<ServiceCardsDbContext>
{
    public ServiceCardsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ServiceCardsDbContext>().UseSqlite("Data Source=:memory:").Options);
}
