using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.DocumentRegister.Data;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class DocumentRegisterDesignTimeFactory : IDesignTimeDbContextFactory<DocumentRegisterDbContext>
{
    public DocumentRegisterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DocumentRegisterDbContext>().UseSqlite("Data Source=:memory:").Options);
}
