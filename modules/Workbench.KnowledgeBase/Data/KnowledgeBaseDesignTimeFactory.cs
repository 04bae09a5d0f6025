using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.KnowledgeBase.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class KnowledgeBaseDesignTimeFactory : IDesignTimeDbContextFactory<KnowledgeBaseDbContext>
{
    public KnowledgeBaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KnowledgeBaseDbContext>().UseSqlite("Data Source=:memory:").Options);
}
