using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Notices.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class NoticesDesignTimeFactory : IDesignTimeDbContextFactory<NoticesDbContext>
{
    public NoticesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NoticesDbContext>().UseSqlite("Data Source=:memory:").Options);
}
