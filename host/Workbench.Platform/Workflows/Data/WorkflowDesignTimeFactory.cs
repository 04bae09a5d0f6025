using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Platform.Workflows;

/// <summary>For <c>dotnet ef</c> only (model snapshot, new migrations): the model on SQLite; no database is opened.</summary>
public sealed class WorkflowDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite("Data Source=:memory:").Options);
}
